using Ashbridge.Emulator.Data;
using Ashbridge.Emulator.Webhooks;

namespace Ashbridge.Emulator.Changes;

/// <summary>
/// Openings changed through the API (opening.*) and by hires. Ashby documents one opening webhook, <c>openingCreate</c>;
/// every other change is seen only through <c>opening.list</c>'s incremental sync (the opening is touched).
/// </summary>
internal static class OpeningChanges
{
    public const byte Approved = 0, Closed = 1, Draft = 2, Filled = 3, Open = 4;

    /// <summary><c>opening.create</c>: a new opening (Draft unless told otherwise) with its first version: <c>openingCreate</c>.</summary>
    public static (Opening Opening, WebhookEvent Event) Create(
        Organization org, long now, string? identifier, string? description, Department? team, List<Location> locations, List<Job> jobs,
        long? targetHireMs, long? targetStartMs, bool isBackfill, byte employmentType, byte state)
    {
        var o = new Opening
        {
            Id = org.NewId(), VersionId = org.NewId(), Identifier = identifier ?? "", Description = description ?? "", Team = team,
            TargetHireMs = targetHireMs, TargetStartMs = targetStartMs, IsBackfill = isBackfill, EmploymentType = employmentType,
            Author = org.ApiAuthor, CreatedMs = now, UpdatedMs = now, VersionCreatedMs = now,
        };
        o.Locations.AddRange(locations);
        foreach (var job in jobs) Link(org, now, o, job);
        Enter(o, state, now, null);
        org.Openings.Add(o);
        org.OpeningsById[o.Id] = o;
        org.Touch(o, now);
        return (o, WebhookPayloads.Opening("openingCreate", o));
    }

    /// <summary><c>opening.update</c>: the given fields change in a new latest version.</summary>
    public static void Update(
        Organization org, long now, Opening o, string? identifier, string? description, Department? team, long? targetHireMs, long? targetStartMs, bool? isBackfill, byte? employmentType)
    {
        if (identifier is not null) o.Identifier = identifier;
        if (description is not null) o.Description = description;
        if (team is not null) o.Team = team;
        if (targetHireMs is not null) o.TargetHireMs = targetHireMs;
        if (targetStartMs is not null) o.TargetStartMs = targetStartMs;
        if (isBackfill is { } backfill) o.IsBackfill = backfill;
        if (employmentType is { } type) o.EmploymentType = type;
        NewVersion(org, now, o);
    }

    public static void AddJob(Organization org, long now, Opening o, Job job)
    {
        if (o.Jobs.Contains(job)) return;
        Link(org, now, o, job);
        NewVersion(org, now, o);
    }

    public static void RemoveJob(Organization org, long now, Opening o, Job job)
    {
        if (!o.Jobs.Remove(job)) return;
        job.Openings.Remove(o);
        org.Touch(job, now);
        NewVersion(org, now, o);
    }

    public static void AddLocation(Organization org, long now, Opening o, Location location)
    {
        if (o.Locations.Contains(location)) return;
        o.Locations.Add(location);
        NewVersion(org, now, o);
    }

    public static void RemoveLocation(Organization org, long now, Opening o, Location location)
    {
        if (o.Locations.Remove(location)) NewVersion(org, now, o);
    }

    /// <summary><c>opening.setOpeningState</c>: Open stamps <c>openedAt</c>; Closed stamps <c>closedAt</c> and keeps the close reason.</summary>
    public static void SetState(Organization org, long now, Opening o, byte state, CloseReason? reason)
    {
        Enter(o, state, now, reason);
        org.Touch(o, now);
    }

    public static void SetArchived(Organization org, long now, Opening o, bool archived)
    {
        if (o.IsArchived == archived) return;
        o.IsArchived = archived;
        o.ArchivedMs = archived ? now : null;
        org.Touch(o, now);
    }

    /// <summary>
    /// A hire fills an opening, as in Ashby: the accepted offer's opening when it has one and it is still open, else
    /// the first Open opening of the application's job, becomes Filled with <c>closedAt</c>. No webhook (Ashby documents
    /// no opening update type); incremental syncs of <c>opening.list</c> return it. Returns the filled opening, if any.
    /// </summary>
    public static Opening? FillOnHire(Organization org, long now, Application a)
    {
        // A move from Hired to Hired (the stage before the one just entered) is no new hire.
        if (a.History is { Count: >= 2 } history && history[^2].Stage.Type == StageType.Hired) return null;
        var offered = org.Offers.LastOrDefault(o => !o.Deleted && o.Application == a && o.AcceptanceStatus == "Accepted" && o.Versions.Count > 0)?.Latest.Opening;
        var opening = offered is { Deleted: false, State: Open } ? offered : a.Job.Openings.Find(o => !o.Deleted && o.State == Open);
        if (opening is null) return null;
        opening.State = Filled;
        opening.ClosedMs = now;
        org.Touch(opening, now);
        return opening;
    }

    private static void Enter(Opening o, byte state, long now, CloseReason? reason)
    {
        o.State = state;
        if (state == Open)
        {
            o.OpenedMs ??= now;
            o.ClosedMs = null;
            o.CloseReason = null;
        }
        else if (state == Closed)
        {
            o.ClosedMs = now;
            o.CloseReason = reason;
        }
        else
        {
            o.ClosedMs = null;
            o.CloseReason = null;
        }
    }

    private static void Link(Organization org, long now, Opening o, Job job)
    {
        o.Jobs.Add(job);
        if (!job.Openings.Contains(o)) job.Openings.Add(o);
        org.Touch(job, now);
    }

    private static void NewVersion(Organization org, long now, Opening o)
    {
        o.VersionId = org.NewId();
        o.VersionCreatedMs = now;
        org.Touch(o, now);
    }
}
