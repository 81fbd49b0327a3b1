using System.CommandLine;
using System.Text;
using Ashbridge.Cli.Hosting;
using Ashbridge.Core.Access;
using Ashbridge.Core.Members;
using Spectre.Console;

namespace Ashbridge.Cli.Commands;

/// <summary><c>ashbridge members list|export|offboard|reinstate</c>: the people added from new hires, searched, exported as CSV or JSON, offboarded and reinstated.</summary>
internal static class MembersCommand
{
    public const int UnknownFormat = ExitCodes.Usage;

    public static Command Create(IAnsiConsole console, Option<string?> database) =>
        new("members", "List, export, offboard or reinstate the people added from new hires.")
        {
            List(console, database), Export(console, database), Offboard(console, database), Reinstate(console, database),
        };

    /// <summary>Exit code when there is no member with the id given.</summary>
    public const int NoSuchMember = ExitCodes.NotFound;

    private static Command Offboard(IAnsiConsole console, Option<string?> database)
    {
        var id = new Argument<long>("id") { Description = "The member's id (members list shows it)." };
        var lastDay = new Option<string>("--last-day") { Description = "The member's last day, yyyy-mm-dd.", Required = true };
        var command = new Command("offboard", "Offboard a member from their last day; audited, and sent to the outbound endpoint as member.offboarded.") { id, lastDay };
        command.SetAction(async (result, ct) =>
        {
            await using var hub = await HubSession.OpenAsync(console, result.GetValue(database), ct);
            if (hub is null) return HubSession.DatabaseUnavailable;
            return await ChangeAsync(console, result.GetValue(id), () => hub.Get<MemberLifecycle>().OffboardAsync(result.GetValue(id), result.GetValue(lastDay), "cli", null, ct),
                m => $"Offboarded {m.Name}; their last day is {m.OffboardDate}.");
        });
        return command;
    }

    private static Command Reinstate(IAnsiConsole console, Option<string?> database)
    {
        var id = new Argument<long>("id") { Description = "The member's id (members list --status offboarded shows it)." };
        var command = new Command("reinstate", "Reinstate an offboarded member; audited, and sent to the outbound endpoint as member.reinstated.") { id };
        command.SetAction(async (result, ct) =>
        {
            await using var hub = await HubSession.OpenAsync(console, result.GetValue(database), ct);
            if (hub is null) return HubSession.DatabaseUnavailable;
            return await ChangeAsync(console, result.GetValue(id), () => hub.Get<MemberLifecycle>().ReinstateAsync(result.GetValue(id), "cli", null, ct), m => $"Reinstated {m.Name}.");
        });
        return command;
    }

    private static async Task<int> ChangeAsync(IAnsiConsole console, long id, Func<Task<Member?>> change, Func<Member, string> done)
    {
        try
        {
            if (await change() is not { } member)
            {
                console.MarkupLineInterpolated($"[red]There is no member {id}.[/] members list shows their ids.");
                return NoSuchMember;
            }

            console.MarkupLineInterpolated($"{done(member)}");
            return 0;
        }
        catch (MemberInvalidException ex)
        {
            console.MarkupLineInterpolated($"[red]Refused:[/] {ex.Message}");
            return ExitCodes.Usage;
        }
    }

    private static Command List(IAnsiConsole console, Option<string?> database)
    {
        var search = new Option<string?>("--search") { Description = "Only members with this in any column: name, job title, department, place of work, start date, email or phone." };
        var status = new Option<string>("--status") { Description = "active (the default), offboarded or all.", DefaultValueFactory = _ => "active" };
        var command = new Command("list", "List members by name.") { search, status };
        command.SetAction(async (result, ct) =>
        {
            await using var hub = await HubSession.OpenAsync(console, result.GetValue(database), ct);
            if (hub is null) return HubSession.DatabaseUnavailable;
            if (!Enum.TryParse<MemberStatus>(result.GetValue(status), ignoreCase: true, out var which) || !Enum.IsDefined(which))
            {
                console.MarkupLineInterpolated($"[red]Unknown status '{result.GetValue(status)}'[/]: use active, offboarded or all.");
                return ExitCodes.Usage;
            }

            var members = (await hub.Get<MemberDirectory>().FindAsync(new MemberQuery(result.GetValue(search), which, PageSize: MemberQuery.MaxPageSize), ct)).Members;
            if (members.Count == 0)
            {
                console.MarkupLine("[yellow]No members.[/] Add them from the new-hire queue in the hub.");
                return 0;
            }

            var table = new Table().AddColumns("id", "name", "personal email", "job title", "department", "start date", "added", "status");
            foreach (var m in members)
            {
                table.AddRow(Cells(m.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), m.Name, m.PersonalEmail, m.JobTitle, m.Department ?? "",
                    m.StartDate ?? "", $"{m.CreatedAt:yyyy-MM-dd} by {m.CreatedBy}", m.Offboarded ? $"offboarded, last day {m.OffboardDate}" : "active"));
            }

            console.Write(table);
            return 0;
        });
        return command;
    }

    private static Command Export(IAnsiConsole console, Option<string?> database)
    {
        var format = new Option<string>("--format") { Description = "csv (the default) or json.", DefaultValueFactory = _ => "csv" };
        var output = new Option<FileInfo?>("--output") { Description = "Write to this file instead of the console." };
        var withoutCompensation = new Option<bool>("--without-compensation") { Description = "Leave out salary and compensation, as viewers see members." };
        var command = new Command("export", "Export every member, as the hub's /api/members/export does; the export is audited.") { format, output, withoutCompensation };
        command.SetAction(async (result, ct) =>
        {
            var kind = result.GetValue(format)!.Trim().ToLowerInvariant();
            if (kind is not ("csv" or "json"))
            {
                console.MarkupLineInterpolated($"[red]Unknown format '{kind}'[/]: use csv or json.");
                return UnknownFormat;
            }

            var file = result.GetValue(output);
            // Checked before anything is read or audited: an export that cannot land anywhere did not happen.
            if (file?.Directory is { Exists: false } folder)
            {
                console.MarkupLineInterpolated($"[red]Cannot write {file.FullName}:[/] the folder {folder.FullName} does not exist. Create it, or give --output a path in an existing folder.");
                return ExitCodes.CannotWrite;
            }

            await using var hub = await HubSession.OpenAsync(console, result.GetValue(database), ct);
            if (hub is null) return HubSession.DatabaseUnavailable;
            var members = await hub.Get<MemberDirectory>().ListAsync(null, null, int.MaxValue, ct);
            if (result.GetValue(withoutCompensation)) members = [.. members.Select(m => m.WithoutCompensation())];

            Stream stream;
            try
            {
                stream = file is null ? new MemoryStream() : file.Create();
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                console.MarkupLineInterpolated($"[red]Cannot write {file!.FullName}:[/] {ex.Message} Give --output a file you may write.");
                return ExitCodes.CannotWrite;
            }

            await using (stream)
            {
                if (kind == "csv")
                {
                    await using var writer = new StreamWriter(stream, new UTF8Encoding(false), leaveOpen: true);
                    await MemberExport.WriteCsvAsync(members, writer, ct);
                }
                else
                {
                    await MemberExport.WriteJsonAsync(members, stream, ct);
                }

                // To the console raw, not as markup: names may hold brackets.
                if (stream is MemoryStream buffer) console.Profile.Out.Writer.Write(Encoding.UTF8.GetString(buffer.ToArray()));
            }

            await hub.Get<AuditLog>().WriteAsync("cli", "members.export", kind,
                $"{members.Count} members{(result.GetValue(withoutCompensation) ? " without compensation" : "")}{(file is null ? "" : $" to {file.FullName}")}", ct);
            if (file is not null) console.MarkupLineInterpolated($"Exported {members.Count} members to {file.FullName}.");
            return 0;
        });
        return command;
    }

    private static Markup[] Cells(params string[] values) => [.. values.Select(v => new Markup(Markup.Escape(v)))];
}
