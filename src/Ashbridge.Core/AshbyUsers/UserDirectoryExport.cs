using System.Globalization;
using System.Text.Json;
using CsvHelper;

namespace Ashbridge.Core.AshbyUsers;

/// <summary>The user directory and the access review as CSV (one row per user, or per finding) or JSON, for IT's own tools.</summary>
public static class UserDirectoryExport
{
    /// <summary>The API's JSON shape: camelCase, as the list endpoint answers.</summary>
    public static JsonSerializerOptions JsonOptions { get; } = new(JsonSerializerDefaults.Web);

    /// <summary>Writes the users as CSV; hiring teams in one column, "job title: role; …".</summary>
    public static async Task WriteCsvAsync(IReadOnlyList<DirectoryUser> users, TextWriter writer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(users);
        // Escape fields a spreadsheet would run as formulas: names come from Ashby's users.
        await using var csv = CsvWriter.Create(writer, new CsvWriterOptions { Injection = CsvInjection.Escape }, true);
        await csv.WriteRecordAsync(["id", "email", "first_name", "last_name", "global_role", "is_enabled", "updated_at", "hiring_teams"], cancellationToken).ConfigureAwait(false);
        foreach (var u in users)
        {
            cancellationToken.ThrowIfCancellationRequested();
            await csv.WriteRecordAsync(
                [u.Id, u.Email ?? "", u.FirstName, u.LastName, u.GlobalRole ?? "", u.IsEnabled ? "true" : "false", u.UpdatedAt?.ToString("O", CultureInfo.InvariantCulture) ?? "", Teams(u)],
                cancellationToken).ConfigureAwait(false);
        }

        await csv.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Writes the review's findings as CSV, one row per finding.</summary>
    public static async Task WriteCsvAsync(AccessReviewReport report, TextWriter writer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(report);
        await using var csv = CsvWriter.Create(writer, new CsvWriterOptions { Injection = CsvInjection.Escape }, true);
        await csv.WriteRecordAsync(["finding", "email", "name", "global_role", "is_enabled", "hiring_teams", "reason"], cancellationToken).ConfigureAwait(false);
        foreach (var f in report.Findings)
        {
            await csv.WriteRecordAsync(
                [Name(f.Kind), f.User.Email ?? "", f.User.Name, f.User.GlobalRole ?? "", f.User.IsEnabled ? "true" : "false", Teams(f.User), f.Reason], cancellationToken).ConfigureAwait(false);
        }

        await csv.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Writes the users as a JSON array, as the API shows them.</summary>
    public static Task WriteJsonAsync(IReadOnlyList<DirectoryUser> users, Stream stream, CancellationToken cancellationToken = default) =>
        JsonSerializer.SerializeAsync(stream, users, JsonOptions, cancellationToken);

    /// <summary>A finding's kind as exports and the API spell it: notInDirectory, offboardedStillEnabled, privileged, idle.</summary>
    public static string Name(AccessFindingKind kind) => JsonNamingPolicy.CamelCase.ConvertName(kind.ToString());

    private static string Teams(DirectoryUser user) => string.Join("; ", user.HiringTeams.Select(s =>
        s.Level == HiringTeamSeat.JobLevel ? $"{s.JobTitle ?? s.JobId}: {s.Role}" : $"{s.JobTitle ?? s.JobId} / {s.CandidateName ?? s.ApplicationId}: {s.Role}"));
}
