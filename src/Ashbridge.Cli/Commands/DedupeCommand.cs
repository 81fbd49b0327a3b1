using System.CommandLine;
using Ashbridge.Cli.Hosting;
using Ashbridge.Cli.Output;
using Ashbridge.Core.Connections;
using Ashbridge.Core.Dedupe;
using Spectre.Console;

namespace Ashbridge.Cli.Commands;

/// <summary><c>ashbridge dedupe check</c>: is a prospect already a candidate of a connection? The hub's duplicate check, from the mirror.</summary>
internal static class DedupeCommand
{
    public static Command Create(IAnsiConsole console, Option<string?> database) =>
        new("dedupe", "Check prospects against a connection's candidates before they are added to Ashby.") { Check(console, database) };

    private static Command Check(IAnsiConsole console, Option<string?> database)
    {
        var connection = new Option<string?>("--connection") { Description = "The connection's name; may be left out when the hub has one connection." };
        var first = new Option<string?>("--first-name") { Description = "The prospect's first name." };
        var last = new Option<string?>("--last-name") { Description = "The prospect's last name." };
        var emails = new Option<string[]>("--email") { Description = "An email address (repeat for several).", AllowMultipleArgumentsPerToken = false };
        var phones = new Option<string[]>("--phone") { Description = "A phone number, in any format (repeat for several)." };
        var urls = new Option<string[]>("--url") { Description = "A LinkedIn, GitHub or website address (repeat for several)." };
        var company = new Option<string?>("--company") { Description = "The prospect's company: a match there adds to a score." };
        var region = new Option<string>("--region") { Description = "Where phone numbers without a country code are from (two letters).", DefaultValueFactory = _ => PhoneKey.DefaultRegion };
        var json = new Option<bool>("--json") { Description = "Print JSON for scripts: { matches: [ { candidateId, name, score, reasons } ] }." };
        var command = new Command("check", "Find the candidates a prospect may already be, each with a score (0 to 100) and why, strongest first.")
        {
            connection, first, last, emails, phones, urls, company, region, json,
        };
        command.SetAction(async (result, ct) =>
        {
            await using var hub = await HubSession.OpenAsync(console, result.GetValue(database), ct);
            if (hub is null) return HubSession.DatabaseUnavailable;
            if (await ConnectionChoice.FindAsync(console, hub, result.GetValue(connection), ct) is not { } c) return ExitCodes.NotFound;
            var prospect = new DuplicateProspect(result.GetValue(first), result.GetValue(last), result.GetValue(emails) ?? [], result.GetValue(phones) ?? [], result.GetValue(urls) ?? [], result.GetValue(company));
            IReadOnlyList<DuplicateMatch> matches;
            try
            {
                matches = await hub.Get<DuplicateCheck>().CheckAsync(c.Id, prospect, result.GetValue(region)!, ct);
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

}
