using Ashbridge.Emulator.Data;
using Ashbridge.Emulator.Webhooks;

namespace Ashbridge.Emulator.Changes;

/// <summary>What application.create/changeStage/addHiringTeamMember and their control-API twins do.</summary>
internal static class ApplicationChanges
{
    /// <summary>
    /// Creates an application. No <c>applicationSubmit</c> webhook: Ashby does not send it for integration-created
    /// applications (bulk imports, API syncs), and the emulator treats every API call as an integration.
    /// </summary>
    public static Application Create(Organization org, long now, Candidate candidate, Job job, InterviewStage stage, Source? source, User? creditedTo, long? createdMs)
    {
        var a = new Application
        {
            Id = org.NewId(), Candidate = candidate, Job = job, Stage = stage, Source = source ?? candidate.Source, CreditedTo = creditedTo,
            CreatedMs = createdMs ?? now, UpdatedMs = now,
        };
        a.History = [new HistoryEntry(org.NewId(), stage, a.CreatedMs, null)];
        org.Applications.Add(a);
        org.ApplicationsById[a.Id] = a;
        org.Touch(a, now);
        CandidateChanges.AttachApplication(org, now, candidate, a);
        return a;
    }

    /// <summary>
    /// Moves an application to a stage of its plan. Leaving an archived stage clears the archive reason. Moving to a
    /// Hired stage is a hire: <c>candidateHire</c> + <c>applicationUpdate</c> + <c>candidateStageChange</c> in one action;
    /// any other move sends <c>candidateStageChange</c> + <c>applicationUpdate</c>.
    /// </summary>
    public static IReadOnlyList<WebhookEvent> ChangeStage(Organization org, long now, Application a, InterviewStage stage, ArchiveReason? reason)
    {
        var history = ApplicationHistory.Materialise(a);
        if (history.Count > 0 && history[^1].LeftMs is null) history[^1] = history[^1] with { LeftMs = now };
        history.Add(new HistoryEntry(org.NewId(), stage, now, null));
        a.Stage = stage;
        if (stage.Type == StageType.Archived)
        {
            a.ArchiveReason = reason;
            a.ArchivedMs = now;
        }
        else
        {
            a.ArchiveReason = null;
            a.ArchivedMs = null;
        }

        org.Touch(a, now);
        if (stage.Type == StageType.Hired)
        {
            OpeningChanges.FillOnHire(org, now, a);
            var offer = org.Offers.LastOrDefault(o => !o.Deleted && o.Application == a && o.AcceptanceStatus == "Accepted");
            return
            [
                WebhookPayloads.Hire(org, a, offer),
                WebhookPayloads.Application("applicationUpdate", a),
                WebhookPayloads.Application("candidateStageChange", a),
            ];
        }

        return [WebhookPayloads.Application("candidateStageChange", a), WebhookPayloads.Application("applicationUpdate", a)];
    }

    /// <summary>Adds a member to the application's own hiring team (copied from the job's on first change); no-op if already there.</summary>
    public static IReadOnlyList<WebhookEvent> AddTeamMember(Organization org, long now, Application a, TeamMember member)
    {
        var team = a.HiringTeam ??= [.. a.Job.HiringTeam];
        if (team.Contains(member)) return [];
        team.Add(member);
        org.Touch(a, now);
        return [WebhookPayloads.Application("applicationUpdate", a)];
    }
    /// <summary>Removes a member (user and role) from the application's own hiring team; no-op if not there.</summary>
    public static IReadOnlyList<WebhookEvent> RemoveTeamMember(Organization org, long now, Application a, TeamMember member)
    {
        if (!a.EffectiveHiringTeam.Contains(member)) return [];
        var team = a.HiringTeam ??= [.. a.Job.HiringTeam];
        team.Remove(member);
        org.Touch(a, now);
        return [WebhookPayloads.Application("applicationUpdate", a)];
    }

    /// <summary>application.update / changeSource: only the fields given change; <c>applicationUpdate</c> follows.</summary>
    public static IReadOnlyList<WebhookEvent> Update(Organization org, long now, Application a, Source? source, User? creditedTo, long? createdMs)
    {
        if (source is not null) a.Source = source;
        if (creditedTo is not null) a.CreditedTo = creditedTo;
        if (createdMs is { } created) a.CreatedMs = created;
        org.Touch(a, now);
        return [WebhookPayloads.Application("applicationUpdate", a)];
    }

    /// <summary>
    /// Moves the application to another job, onto a stage of that job's plan. Ashby lists job transfers under
    /// <c>applicationUpdate</c>; the history gains an entry for the new stage.
    /// </summary>
    public static IReadOnlyList<WebhookEvent> Transfer(Organization org, long now, Application a, Job job, InterviewStage stage)
    {
        var history = ApplicationHistory.Materialise(a);
        if (history.Count > 0 && history[^1].LeftMs is null) history[^1] = history[^1] with { LeftMs = now };
        history.Add(new HistoryEntry(org.NewId(), stage, now, null));
        a.Job = job;
        a.Stage = stage;
        a.ArchiveReason = null;
        a.ArchivedMs = null;
        org.Touch(a, now);
        return [WebhookPayloads.Application("applicationUpdate", a)];
    }

    /// <summary>One entry of an application.updateHistory request.</summary>
    public sealed record HistoryUpdate(Guid? Id, InterviewStage Stage, long EnteredMs, ArchiveReason? Reason);

    /// <summary>
    /// Replaces the application's history with the entries given (in entered-at order): entries naming an
    /// <c>applicationHistoryId</c> keep their id, others get a new one, entries left out are deleted. The last entry is
    /// the current stage (with its archive reason when it is an Archived stage).
    /// </summary>
    public static IReadOnlyList<WebhookEvent> ReplaceHistory(Organization org, long now, Application a, IReadOnlyList<HistoryUpdate> entries)
    {
        var ordered = entries.OrderBy(e => e.EnteredMs).ToList();
        var history = new List<HistoryEntry>(ordered.Count);
        for (var i = 0; i < ordered.Count; i++)
        {
            long? left = i + 1 < ordered.Count ? ordered[i + 1].EnteredMs : null;
            history.Add(new HistoryEntry(ordered[i].Id ?? org.NewId(), ordered[i].Stage, ordered[i].EnteredMs, left));
        }

        var last = ordered[^1];
        var stageChanged = a.Stage != last.Stage;
        a.History = history;
        a.Stage = last.Stage;
        if (last.Stage.Type == StageType.Archived)
        {
            a.ArchiveReason = last.Reason ?? a.ArchiveReason;
            a.ArchivedMs = last.EnteredMs;
        }
        else
        {
            a.ArchiveReason = null;
            a.ArchivedMs = null;
        }

        org.Touch(a, now);
        return stageChanged
            ? [WebhookPayloads.Application("candidateStageChange", a), WebhookPayloads.Application("applicationUpdate", a)]
            : [WebhookPayloads.Application("applicationUpdate", a)];
    }
}
