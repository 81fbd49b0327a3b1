using System.CommandLine;
using Ashbridge.Cli.Hosting;
using Ashbridge.Cli.Output;
using Ashbridge.Core.Connections;
using Ashbridge.Core.Dedupe;
using Spectre.Console;

namespace Ashbridge.Cli.Commands;

/// <summary>
/// <c>ashbridge dedupe check|upload|merge</c>: is a prospect already a candidate of a connection (the hub's duplicate
/// check, from the mirror)? Then add it to Ashby as a new candidate, or merge it into the one it is; both confirmed
/// live with Ashby first.
/// </summary>
internal static class DedupeCommand
{
    public static Command Create(IAnsiConsole console, Option<string?> database) =>
        new("dedupe", "Check prospects against a connection's candidates, then upload them to Ashby or merge them into a match.")
        {
            Check(console, database), Upload(console, database), Merge(console, database),
        };

    /// <summary>The exit code of a refused merge or upload.</summary>
    internal static int ExitCodeFor(ProspectWriteRefusalKind kind) => kind switch
    {
        ProspectWriteRefusalKind.Invalid or ProspectWriteRefusalKind.JobNotOffered => ExitCodes.Usage,
        ProspectWriteRefusalKind.ConnectionNotFound or ProspectWriteRefusalKind.CandidateNotFound => ExitCodes.NotFound,
        ProspectWriteRefusalKind.AlreadyInAshby => ExitCodes.Exists,
        ProspectWriteRefusalKind.PermissionMissing => ExitCodes.KeyRejected,
        _ => ExitCodes.AshbyUnreachable, // no answer, or Ashby refused the write: either way Ashby's side
    };

    /// <summary>The options <c>check</c>, <c>upload</c> and <c>merge</c> share: the connection and the prospect.</summary>
    private sealed class ProspectOptions
    {
        public Option<string?> Connection { get; } = new("--connection") { Description = "The connection's name; may be left out when the hub has one connection." };

        public Option<string?> First { get; } = new("--first-name") { Description = "The prospect's first name." };

        public Option<string?> Last { get; } = new("--last-name") { Description = "The prospect's last name." };

        public Option<string[]> Emails { get; } = new("--email") { Description = "An email address (repeat for several).", AllowMultipleArgumentsPerToken = false };

        public Option<string[]> Phones { get; } = new("--phone") { Description = "A phone number, in any format (repeat for several)." };

        public Option<string[]> Urls { get; } = new("--url") { Description = "A LinkedIn, GitHub or website address (repeat for several)." };

        public Option<string?> Company { get; } = new("--company") { Description = "The prospect's company: a match there adds to a score." };

        public Option<bool> Json { get; } = new("--json") { Description = "Print JSON for scripts." };

        public void AddTo(Command command)
        {
            foreach (var option in new Option[] { Connection, First, Last, Emails, Phones, Urls, Company, Json }) command.Options.Add(option);
        }

        public DuplicateProspect Read(ParseResult result) =>
            new(result.GetValue(First), result.GetValue(Last), result.GetValue(Emails) ?? [], result.GetValue(Phones) ?? [], result.GetValue(Urls) ?? [], result.GetValue(Company));
    }

    private static Command Check(IAnsiConsole console, Option<string?> database)
    {
        var p = new ProspectOptions();
        var region = new Option<string?>("--region") { Description = "Where phone numbers without a country code are from (two letters); the connection's dedupe setting (US unless changed) when left out." };
        var command = new Command("check", "Find the candidates a prospect may already be, each with a score (0 to 100) and why, strongest first (JSON: { matches: [ { candidateId, name, score, reasons } ] }).");
        p.AddTo(command);
        command.Options.Add(region);
        var json = p.Json;
        command.SetAction(async (result, ct) =>
        {
            await using var hub = await HubSession.OpenAsync(console, result.GetValue(database), ct);
            if (hub is null) return HubSession.DatabaseUnavailable;
            if (await ConnectionChoice.FindAsync(console, hub, result.GetValue(p.Connection), ct) is not { } c) return ExitCodes.NotFound;
            var prospect = p.Read(result);
            IReadOnlyList<DuplicateMatch> matches;
            try
            {
                var givenRegion = result.GetValue(region);
                var regionToUse = string.IsNullOrWhiteSpace(givenRegion) ? (await hub.Get<DedupeSettingsStore>().FindAsync(c.Id, ct)).DefaultRegion : givenRegion.Trim();
                matches = await hub.Get<DuplicateCheck>().CheckAsync(c.Id, prospect, regionToUse, ct);
            }
            catch (DuplicateCheckInvalidException ex)
            {
                foreach (var problem in ex.Problems) console.MarkupLineInterpolated($"[red]{problem}[/]");
                return ExitCodes.Usage;
            }

            if (result.GetValue(json))
            {
                SyncOutput.WriteJson(console, new { matches });
                return ExitCodes.Ok;
            }

            if (matches.Count == 0)
            {
                console.MarkupLineInterpolated($"[green]No duplicate found[/] among {c.Name}'s candidates.");
                return ExitCodes.Ok;
            }

            var table = new Table().AddColumns("score", "candidate", "id", "why");
            foreach (var m in matches)
            {
                table.AddRow(new Text(m.Score.ToString(System.Globalization.CultureInfo.InvariantCulture)), new Text(m.Name), new Text(m.CandidateId), new Text(string.Join("\n", m.Reasons)));
            }

            console.Write(table);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Upload(IAnsiConsole console, Option<string?> database)
    {
        var p = new ProspectOptions();
        var job = new Option<string?>("--job") { Description = "An open job's id to apply the prospect to; it lands in the job's first Lead stage (New Lead)." };
        var tags = new Option<string[]>("--tag") { Description = "A candidate tag's id to add (repeat for several)." };
        var source = new Option<string?>("--source") { Description = "The source's id." };
        var credited = new Option<string?>("--credited-to") { Description = "The id of the Ashby user the candidate is credited to." };
        var command = new Command("upload", "Add the prospect to Ashby as a new candidate (first name, last name and an email required), after asking Ashby whether it already has one of the emails. JSON: { candidateId, applicationId, changes } or { refusal }.");
        p.AddTo(command);
        foreach (var option in new Option[] { job, tags, source, credited }) command.Options.Add(option);
        command.SetAction(async (result, ct) =>
        {
            await using var hub = await HubSession.OpenAsync(console, result.GetValue(database), ct);
            if (hub is null) return HubSession.DatabaseUnavailable;
            if (await ConnectionChoice.FindAsync(console, hub, result.GetValue(p.Connection), ct) is not { } c) return ExitCodes.NotFound;
            var outcome = await hub.Get<ProspectWrites>().UploadAsync(c.Id, new ProspectUpload(
                p.Read(result), result.GetValue(job), result.GetValue(source), result.GetValue(credited), result.GetValue(tags) ?? [], Actor()), ct);
            return Report(console, outcome, result.GetValue(p.Json), "Uploaded");
        });
        return command;
    }

    private static Command Merge(IAnsiConsole console, Option<string?> database)
    {
        var p = new ProspectOptions();
        var candidate = new Argument<string>("candidate-id") { Description = "The Ashby id of the candidate to merge the prospect into (from dedupe check)." };
        var job = new Option<string?>("--job") { Description = "An open job's id to apply the candidate to (skipped when it already has an application there)." };
        var tags = new Option<string[]>("--tag") { Description = "A candidate tag's id to add (repeat for several)." };
        var command = new Command("merge", "Add the prospect's emails, phone and links the candidate lacks (what it has is kept), tags, and optionally apply it to a job; the candidate is confirmed live with Ashby first. JSON: { candidateId, applicationId, changes } or { refusal }.");
        command.Arguments.Add(candidate);
        p.AddTo(command);
        foreach (var option in new Option[] { job, tags }) command.Options.Add(option);
        command.SetAction(async (result, ct) =>
        {
            await using var hub = await HubSession.OpenAsync(console, result.GetValue(database), ct);
            if (hub is null) return HubSession.DatabaseUnavailable;
            if (await ConnectionChoice.FindAsync(console, hub, result.GetValue(p.Connection), ct) is not { } c) return ExitCodes.NotFound;
            var outcome = await hub.Get<ProspectWrites>().MergeAsync(c.Id, new ProspectMerge(
                result.GetValue(candidate) ?? "", p.Read(result), result.GetValue(job), result.GetValue(tags) ?? [], Actor()), ct);
            return Report(console, outcome, result.GetValue(p.Json), "Merged into");
        });
        return command;
    }

    /// <summary>Prints what a write did (or why it did nothing) and answers its exit code.</summary>
    private static int Report(IAnsiConsole console, ProspectWriteOutcome outcome, bool json, string verb)
    {
        if (json)
        {
            SyncOutput.WriteJson(console, new { candidateId = outcome.CandidateId, applicationId = outcome.ApplicationId, changes = outcome.Changes, refusal = outcome.Refusal });
        }
        else if (outcome.Refusal is { } refusal)
        {
            console.MarkupLineInterpolated($"[red]{refusal.Title}.[/]");
            if (refusal.Kind == ProspectWriteRefusalKind.Invalid && refusal.Problems is { } problems)
            {
                foreach (var problem in problems) console.MarkupLineInterpolated($"[red]{problem}[/]");
            }
            else
            {
                console.WriteLine(refusal.Detail);
            }
        }
        else
        {
            console.MarkupLineInterpolated($"[green]{verb} candidate {outcome.CandidateId}[/]{(outcome.ApplicationId is { } a ? $" (application {a})" : "")}.");
            foreach (var change in outcome.Changes) console.WriteLine("  " + change);
        }

        return outcome.Succeeded ? ExitCodes.Ok : ExitCodeFor(outcome.Refusal.Kind);
    }

    /// <summary>Who the audit log names for a write from the command line: the operating system's user.</summary>
    private static string Actor() => $"cli:{Environment.UserName}";
}
