using System.Data.Common;
using System.Text.Json;
using Dapper;

namespace Ashbridge.Core.OpenRoles;

/// <summary>
/// What a connection's open roles are built from, read from the mirror in one go: every posting (deleted ones too, to
/// close their roles), the jobs, the openings not deleted, and the names of departments, locations and users.
/// </summary>
internal sealed class OpenRoleSources
{
    private OpenRoleSources(
        List<PostingRow> postings, Dictionary<string, JsonElement> jobs, Dictionary<string, List<JsonElement>> openingsByJob,
        Dictionary<string, string?> departments, Dictionary<string, string?> locations, Dictionary<string, (string? Name, string? Email)> users)
    {
        Postings = postings;
        Jobs = jobs;
        OpeningsByJob = openingsByJob;
        Departments = departments;
        Locations = locations;
        Users = users;
    }

    public IReadOnlyList<PostingRow> Postings { get; }

    public IReadOnlyDictionary<string, JsonElement> Jobs { get; }

    public IReadOnlyDictionary<string, List<JsonElement>> OpeningsByJob { get; }

    public IReadOnlyDictionary<string, string?> Departments { get; }

    public IReadOnlyDictionary<string, string?> Locations { get; }

    public IReadOnlyDictionary<string, (string? Name, string? Email)> Users { get; }

    /// <summary>A mirrored posting: Ashby's list object, its updatedAt and whether it is deleted.</summary>
    public sealed record PostingRow(string Id, JsonElement Json, long? UpdatedMs, bool Deleted);

    public static async Task<OpenRoleSources> ReadAsync(DbConnection db, long connectionId, CancellationToken cancellationToken)
    {
        var args = new { connectionId };
        var postings = (await db.QueryAsync<(string Id, string Json, long? UpdatedMs, long? DeletedMs)>(new CommandDefinition(
            "SELECT id, raw_json, ashby_updated_ms, deleted_ms FROM mirror_job_postings WHERE connection_id = @connectionId ORDER BY id",
            args, cancellationToken: cancellationToken)).ConfigureAwait(false))
            .Select(r => new PostingRow(r.Id, Parse(r.Json), r.UpdatedMs, r.DeletedMs is not null)).ToList();

        var jobs = (await db.QueryAsync<(string Id, string Json)>(new CommandDefinition(
            "SELECT id, raw_json FROM mirror_jobs WHERE connection_id = @connectionId AND deleted_ms IS NULL", args, cancellationToken: cancellationToken)).ConfigureAwait(false))
            .ToDictionary(r => r.Id, r => Parse(r.Json), StringComparer.Ordinal);

        // An opening names its jobs in latestVersion.jobIds; archived openings are no longer headcount.
        var openingsByJob = new Dictionary<string, List<JsonElement>>(StringComparer.Ordinal);
        foreach (var json in await db.QueryAsync<string>(new CommandDefinition(
            "SELECT raw_json FROM mirror_openings WHERE connection_id = @connectionId AND deleted_ms IS NULL ORDER BY id", args, cancellationToken: cancellationToken)).ConfigureAwait(false))
        {
            var opening = Parse(json);
            if (opening.TryGetProperty("isArchived", out var archived) && archived.ValueKind == JsonValueKind.True) continue;
            if (!opening.TryGetProperty("latestVersion", out var version) || version.ValueKind != JsonValueKind.Object
                || !version.TryGetProperty("jobIds", out var jobIds) || jobIds.ValueKind != JsonValueKind.Array) continue;
            foreach (var jobId in jobIds.EnumerateArray())
            {
                if (jobId.GetString() is not { } id) continue;
                if (!openingsByJob.TryGetValue(id, out var list)) openingsByJob[id] = list = [];
                list.Add(opening);
            }
        }

        var departments = (await db.QueryAsync<(string Id, string? Name)>(new CommandDefinition(
            "SELECT id, name FROM mirror_departments WHERE connection_id = @connectionId", args, cancellationToken: cancellationToken)).ConfigureAwait(false))
            .ToDictionary(r => r.Id, r => r.Name, StringComparer.Ordinal);
        var locations = (await db.QueryAsync<(string Id, string? Name)>(new CommandDefinition(
            "SELECT id, name FROM mirror_locations WHERE connection_id = @connectionId", args, cancellationToken: cancellationToken)).ConfigureAwait(false))
            .ToDictionary(r => r.Id, r => r.Name, StringComparer.Ordinal);
        var users = (await db.QueryAsync<(string Id, string? FirstName, string? LastName, string? Email)>(new CommandDefinition(
            "SELECT id, first_name, last_name, email FROM mirror_users WHERE connection_id = @connectionId AND deleted_ms IS NULL", args, cancellationToken: cancellationToken)).ConfigureAwait(false))
            .ToDictionary(r => r.Id, r => (Name: JoinName(r.FirstName, r.LastName), r.Email), StringComparer.Ordinal);

        return new OpenRoleSources(postings, jobs, openingsByJob, departments, locations, users);
    }

    /// <summary>"First Last", or <see langword="null"/> when both are missing.</summary>
    public static string? JoinName(string? first, string? last) =>
        string.Join(' ', new[] { first, last }.Where(p => !string.IsNullOrWhiteSpace(p))) is { Length: > 0 } name ? name : null;

    private static JsonElement Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }
}
