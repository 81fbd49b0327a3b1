using System.Text.Json;
using Ashbridge.Core.Connections;
using Ashbridge.Core.Dedupe;
using Ashbridge.Server.Access;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Ashbridge.Server.Pages.Dedupe;

/// <summary>
/// The duplicate check: a prospect's name, emails, phones, profile URLs and company checked against a connection's
/// candidates, each match with a score bar and its reasons. The check is posted (emails and phones stay out of the
/// address bar and the logs) and answered in place: a check changes nothing. Below the matches, a sourcer who may
/// operate merges the prospect into the selected match or uploads it as a new candidate; a write that succeeds
/// redirects (Post/Redirect/Get) to the page with what changed; one refused answers the page again with the reason.
/// </summary>
[Authorize(Policy = AccessPolicies.Read)]
public sealed class IndexModel(ConnectionAccess access, DuplicateCheck check, ProspectWrites writes, DedupeSettingsStore settings) : PageModel
{
    private const string ResultKey = "dedupe-result";

    public IReadOnlyList<Connection> Connections { get; private set; } = [];

    public Connection? Connection { get; private set; }

    [BindProperty]
    public ProspectForm Form { get; set; } = new();

    [BindProperty]
    public WriteForm Write { get; set; } = new();

    /// <summary>The matches of the last check; null before any check.</summary>
    public IReadOnlyList<DuplicateMatch>? Matches { get; private set; }

    /// <summary>What is wrong with the prospect as given.</summary>
    public IReadOnlyList<string> Problems { get; private set; } = [];

    /// <summary>The jobs, sources and users offered, and what the key lacks; read once a check has matches to write from.</summary>
    public UploadChoices? Choices { get; private set; }

    /// <summary>The tags offered (asked of Ashby).</summary>
    public IReadOnlyList<UploadOption> Tags { get; private set; } = [];

    /// <summary>The region phones without a country code are read in, from the connection's dedupe settings.</summary>
    public string DefaultRegion { get; private set; } = PhoneKey.DefaultRegion;

    /// <summary>Why the last merge or upload wrote nothing (or stopped), shown beside the write buttons.</summary>
    public ProspectWriteRefusal? WriteRefusal { get; private set; }

    /// <summary>A merge pressed with no match selected.</summary>
    public string? ChooseError { get; private set; }

    /// <summary>The merge or upload just done (after the redirect).</summary>
    public WriteResult? Result { get; private set; }

    /// <summary>Whether the signed-in person may write (operators and admins).</summary>
    public bool MayOperate => User.MayOperate();

    /// <summary>Whether the write buttons may be pressed: the person may operate and the key may write.</summary>
    public bool CanWrite => MayOperate && Choices?.CanWrite != false;

    public async Task<IActionResult> OnGetAsync(string? connection, CancellationToken ct)
    {
        if (!await LoadAsync(connection, ct)) return NotFound();
        if (TempData[ResultKey] is string json) Result = JsonSerializer.Deserialize<WriteResult>(json);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string? connection, CancellationToken ct)
    {
        if (!await LoadAsync(connection, ct) || Connection is null) return NotFound();
        if (!await CheckAsync(ct)) Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }

    public async Task<IActionResult> OnPostMergeAsync(string? connection, CancellationToken ct)
    {
        if (!User.MayOperate()) return Forbid();
        if (!await LoadAsync(connection, ct) || Connection is not { } c) return NotFound();
        if (string.IsNullOrWhiteSpace(Write.CandidateId))
        {
            ChooseError = "Choose the match to merge the prospect into.";
            return await AgainAsync(ct);
        }

        var outcome = await writes.MergeAsync(c.Id, new ProspectMerge(Write.CandidateId, Form.ToProspect(), Blank(Write.JobId), Tag(), User.Actor()), ct);
        return await AnswerAsync(c, outcome, "Merged into", ct);
    }

    public async Task<IActionResult> OnPostUploadAsync(string? connection, CancellationToken ct)
    {
        if (!User.MayOperate()) return Forbid();
        if (!await LoadAsync(connection, ct) || Connection is not { } c) return NotFound();
        var outcome = await writes.UploadAsync(c.Id, new ProspectUpload(Form.ToProspect(), Blank(Write.JobId), Blank(Write.SourceId), Blank(Write.CreditedToUserId), Tag(), User.Actor()), ct);
        return await AnswerAsync(c, outcome, "Uploaded as", ct);
    }

    /// <summary>A write done: its result kept for the page the browser is sent to. Refused: the page again, with the matches and the reason.</summary>
    private async Task<IActionResult> AnswerAsync(Connection c, ProspectWriteOutcome outcome, string verb, CancellationToken ct)
    {
        if (!outcome.Succeeded)
        {
            WriteRefusal = outcome.Refusal;
            if (outcome.CandidateId is not null) Result = new WriteResult(verb, outcome.CandidateId, outcome.ApplicationId, outcome.Changes);
            return await AgainAsync(ct);
        }

        TempData[ResultKey] = JsonSerializer.Serialize(new WriteResult(verb, outcome.CandidateId, outcome.ApplicationId, outcome.Changes));
        TempData.Ok($"{verb} candidate {outcome.CandidateId}.");
        return RedirectToPage("/Dedupe/Index", new { connection = c.Name });
    }

    /// <summary>The page again after a refused write: the check run again so the matches stay, status 422.</summary>
    private async Task<IActionResult> AgainAsync(CancellationToken ct)
    {
        await CheckAsync(ct);
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }

    private async Task<bool> CheckAsync(CancellationToken ct)
    {
        try
        {
            Matches = await check.CheckAsync(Connection!.Id, Form.ToProspect(), string.IsNullOrWhiteSpace(Form.Region) ? DefaultRegion : Form.Region.Trim(), ct);
            Choices = await writes.ChoicesAsync(Connection.Id, ct);
            if (CanWrite) Tags = await writes.TagsAsync(Connection.Id, ct);
            return true;
        }
        catch (DuplicateCheckInvalidException ex)
        {
            Problems = ex.Problems;
            return false;
        }
    }

    private async Task<bool> LoadAsync(string? connection, CancellationToken ct)
    {
        Connections = [.. await access.VisibleAsync(User, ct)];
        Connection = connection is null ? (Connections.Count > 0 ? Connections[0] : null) : Connections.FirstOrDefault(c => c.Name == connection);
        if (Connection is { } c) DefaultRegion = (await settings.FindAsync(c.Id, ct)).DefaultRegion;
        return connection is null || Connection is not null;
    }

    private IReadOnlyList<string>? Tag() => Blank(Write.TagId) is { } tag ? [tag] : null;

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    /// <summary>The form's fields: lists are one value per line.</summary>
    public sealed class ProspectForm
    {
        public string? FirstName { get; set; }

        public string? LastName { get; set; }

        public string? Emails { get; set; }

        public string? Phones { get; set; }

        public string? Urls { get; set; }

        public string? Company { get; set; }

        public string? Region { get; set; }

        public DuplicateProspect ToProspect() => new(FirstName, LastName, Lines(Emails), Lines(Phones), Lines(Urls), Company);

        private static string[] Lines(string? text) =>
            (text ?? "").Split(['\n', '\r', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }

    /// <summary>The write form's own fields: the match chosen, and the job, tag, source and credited user.</summary>
    public sealed class WriteForm
    {
        public string? CandidateId { get; set; }

        public string? JobId { get; set; }

        public string? TagId { get; set; }

        public string? SourceId { get; set; }

        public string? CreditedToUserId { get; set; }
    }

    /// <summary>A merge or upload done, kept across the redirect.</summary>
    public sealed record WriteResult(string Verb, string CandidateId, string? ApplicationId, IReadOnlyList<string> Changes);
}
