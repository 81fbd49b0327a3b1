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
                WebhookPayloads.Hire(a, offer),
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
}
