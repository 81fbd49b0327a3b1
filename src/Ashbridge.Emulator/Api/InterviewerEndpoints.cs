using System.Globalization;
using System.Text.Json;
using Ashbridge.Emulator.Auth;
using Ashbridge.Emulator.Data;
using Ashbridge.Emulator.Json;
using Ashbridge.Emulator.Sync;

namespace Ashbridge.Emulator.Api;

/// <summary>Interviewer pools, interviewer settings and pauses of users, and AI Notetaker transcripts.</summary>
internal static class InterviewerEndpoints
{
    public static void Register(EndpointTable table) => table
        .Read("interviewerPool.list", Permissions.HiringProcessMetadataRead, PoolList)
        .Read("interviewerPool.info", Permissions.HiringProcessMetadataRead, PoolInfo)
        .Write("interviewerPool.create", Permissions.HiringProcessMetadataWrite, PoolCreate)
        .Write("interviewerPool.update", Permissions.HiringProcessMetadataWrite, PoolUpdate)
        .Write("interviewerPool.archive", Permissions.HiringProcessMetadataWrite, call => PoolSetArchived(call, true))
        .Write("interviewerPool.restore", Permissions.HiringProcessMetadataWrite, call => PoolSetArchived(call, false))
        .Write("interviewerPool.addUser", Permissions.HiringProcessMetadataWrite, PoolAddUser)
        .Write("interviewerPool.removeUser", Permissions.HiringProcessMetadataWrite, PoolRemoveUser)
        .Read("user.interviewerSettings", Permissions.OrganizationRead, Settings)
        .Write("user.updateInterviewerSettings", Permissions.OrganizationWrite, UpdateSettings)
        .Write("user.createInterviewerPause", Permissions.OrganizationWrite, CreatePause)
        .Read("user.listInterviewerPauses", Permissions.OrganizationRead, ListPauses)
        .Write("user.deleteInterviewerPause", Permissions.OrganizationWrite, DeletePause)
        .Read("notetakerTranscript.info", Permissions.NotetakerRead, Transcript);

    /// <summary>
    /// Archived pools only with <c>includeArchivedPools</c> (an incremental pass returns them); archived training stages
    /// only with <c>includeArchivedTrainingStages</c>.
    /// </summary>
    private static void PoolList(AshbyCall call)
    {
        if (!call.OptionalBool("includeArchivedPools", out var archived) || !call.OptionalBool("includeArchivedTrainingStages", out var archivedStages)) return;
        Pager.List(call, call.Org.InterviewerPools, (p, incremental) => archived || incremental || !p.IsArchived, (w, p) => InterviewJson.Pool(w, p, null, archivedStages));
    }

    private static void PoolInfo(AshbyCall call)
    {
        if (FindPool(call) is { } p) call.Success(w => InterviewJson.Pool(w, p, Paused(call)));
    }

    /// <summary>A new pool; <c>requiresTraining</c> gives it a training path (two shadow interviews, then one reverse shadow with approval).</summary>
    private static void PoolCreate(AshbyCall call)
    {
        if (!call.RequiredString("title", out var title) || !call.OptionalBool("requiresTraining", out var training)) return;
        var org = call.Org;
        var now = call.NowMs;
        var p = new InterviewerPool { Id = org.NewId(), Title = title, CreatedMs = now };
        if (training) EnableTraining(org, p);
        org.InterviewerPools.Add(p);
        org.InterviewerPoolsById[p.Id] = p;
        org.Touch(p, now);
        call.Success(w => InterviewJson.Pool(w, p, Paused(call)));
    }

    private static void PoolUpdate(AshbyCall call)
    {
        if (FindPool(call) is not { } p) return;
        if (!call.OptionalString("title", out var title)) return;
        if (!call.Present("requiresTraining", out _) && title is null) { call.Fail(ErrorCodes.InvalidInput, "Nothing to update: pass title or requiresTraining"); return; }
        if (!call.OptionalBool("requiresTraining", out var training, p.TrainingEnabled)) return;
        if (title is { Length: 0 }) { call.Fail(ErrorCodes.InvalidInput, "title must not be empty"); return; }
        if (title is not null) p.Title = title;
        if (training && p.TrainingPathId == Guid.Empty) EnableTraining(call.Org, p);
        else p.TrainingEnabled = training && p.TrainingPathId != Guid.Empty;
        call.Org.Touch(p, call.NowMs);
        call.Success(w => InterviewJson.Pool(w, p, Paused(call)));
    }

    private static void PoolSetArchived(AshbyCall call, bool archived)
    {
        if (FindPool(call) is not { } p) return;
        if (p.IsArchived != archived)
        {
            p.IsArchived = archived;
            call.Org.Touch(p, call.NowMs);
        }

        call.Success(w => InterviewJson.Pool(w, p, Paused(call)));
    }

    /// <summary>Adds a user as qualified, or as a trainee at <c>interviewerPoolTrainingPathStageId</c>; a member already in the pool moves.</summary>
    private static void PoolAddUser(AshbyCall call)
    {
        if (FindPool(call) is not { } p || FindUser(call) is not { } u) return;
        if (!call.OptionalGuid("interviewerPoolTrainingPathStageId", out var stageId)) return;
        TrainingStage? stage = null;
        if (stageId is { } sid && (stage = p.TrainingStages.Find(s => s.Id == sid)) is null)
        {
            call.Fail(ErrorCodes.InvalidInput, $"interviewerPoolTrainingPathStageId {sid} is not a training stage of interviewer pool {p.Id}");
            return;
        }

        if (!u.IsEnabled) { call.Fail(ErrorCodes.InvalidInput, $"User {u.Id} is deactivated"); return; }
        p.Qualified.Remove(u);
        p.Trainees.RemoveAll(t => t.User == u);
        if (stage is null) p.Qualified.Add(u);
        else p.Trainees.Add(new Trainee(u, stage));
        call.Org.Touch(p, call.NowMs);
        call.Success(w => InterviewJson.Pool(w, p, Paused(call)));
    }

    private static void PoolRemoveUser(AshbyCall call)
    {
        if (FindPool(call) is not { } p || FindUser(call) is not { } u) return;
        if (!p.Qualified.Remove(u) && p.Trainees.RemoveAll(t => t.User == u) == 0)
        {
            call.Fail(ErrorCodes.InvalidInput, $"User {u.Id} is not a member of interviewer pool {p.Id}");
            return;
        }

        call.Org.Touch(p, call.NowMs);
        call.Success(w => InterviewJson.Pool(w, p, Paused(call)));
    }

    private static void EnableTraining(Organization org, InterviewerPool p)
    {
        p.TrainingPathId = org.NewId();
        p.TrainingEnabled = true;
        p.TrainingStages.Add(new TrainingStage { Id = org.NewId(), Role = TrainingRole.Shadow, InterviewsRequired = 2 });
        p.TrainingStages.Add(new TrainingStage { Id = org.NewId(), Role = TrainingRole.ReverseShadow, InterviewsRequired = 1, ApprovalRequired = true });
    }

    private static InterviewerPool? FindPool(AshbyCall call)
    {
        if (!call.RequiredGuid("interviewerPoolId", out var id)) return null;
        var p = call.Org.FindInterviewerPool(id);
        if (p is null) call.NotFound(ErrorCodes.InterviewerPoolNotFound, "Interviewer pool", id);
        return p;
    }

    private static User? FindUser(AshbyCall call)
    {
        if (!call.RequiredGuid("userId", out var id)) return null;
        var u = call.Org.FindUser(id);
        if (u is null) call.NotFound(ErrorCodes.UserNotFound, "User", id);
        return u;
    }

    private static void Settings(AshbyCall call)
    {
        if (FindUser(call) is { } u) call.Success(w => InterviewJson.Settings(w, u, call.Org.InterviewerSettingsByUser.GetValueOrDefault(u.Id)));
    }

    /// <summary>A limit left out stays as it is; a limit sent as null is unset (as the description says).</summary>
    private static void UpdateSettings(AshbyCall call)
    {
        if (FindUser(call) is not { } u) return;
        if (!ReadLimit(call, "dailyLimit", out var dailySent, out var daily) || !ReadLimit(call, "weeklyLimit", out var weeklySent, out var weekly)) return;
        var org = call.Org;
        if (!org.InterviewerSettingsByUser.TryGetValue(u.Id, out var s)) org.InterviewerSettingsByUser[u.Id] = s = new InterviewerSettings();
        if (dailySent) s.DailyLimit = daily;
        if (weeklySent) s.WeeklyLimit = weekly;
        call.Success(w => InterviewJson.Settings(w, u, s));
    }

    private static bool ReadLimit(AshbyCall call, string name, out bool sent, out int? limit)
    {
        limit = null;
        sent = call.Body.TryGetProperty(name, out var value);
        if (!sent || value.ValueKind == JsonValueKind.Null) return true;
        if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt32(out var n)) return call.FailParameter(name, $"{name} must be an integer or null");
        if (n < 0) return call.Fail(ErrorCodes.InvalidInput, $"{name} must not be negative");
        limit = n;
        return true;
    }

    /// <summary>One pause per user, active or scheduled; <c>startsAt</c> defaults to now, <c>endsAt</c> to open-ended.</summary>
    private static void CreatePause(AshbyCall call)
    {
        if (FindUser(call) is not { } u) return;
        if (!ReadTime(call, "startsAt", out var startsAt) || !ReadTime(call, "endsAt", out var endsAt) || !call.OptionalString("comment", out var comment)) return;
        var now = call.NowMs;
        var starts = startsAt ?? now;
        if (endsAt <= starts) { call.Fail(ErrorCodes.InvalidInput, "endsAt must be after startsAt"); return; }
        var org = call.Org;
        if (org.InterviewerPauses.Exists(p => p.User == u && !p.Deleted && IsCurrent(p, now)))
        {
            call.Fail(ErrorCodes.InterviewerPauseAlreadyExists, $"User {u.Id} already has an interviewer pause; delete it first.");
            return;
        }

        var pause = new InterviewerPause { Id = org.NewId(), User = u, StartsMs = starts, EndsMs = endsAt, Comment = comment, CreatedMs = now };
        org.InterviewerPauses.Add(pause);
        org.Touch(pause, now);
        call.Success(w => InterviewJson.Pause(w, pause));
    }

    private static void ListPauses(AshbyCall call)
    {
        if (FindUser(call) is not { } u) return;
        var now = call.NowMs;
        call.Success(w =>
        {
            w.WriteStartArray();
            foreach (var p in call.Org.InterviewerPauses)
            {
                if (p.User == u && !p.Deleted && IsCurrent(p, now)) InterviewJson.Pause(w, p);
            }

            w.WriteEndArray();
        });
    }

    private static void DeletePause(AshbyCall call)
    {
        if (!call.RequiredGuid("interviewerPauseId", out var id)) return;
        if (call.Org.FindInterviewerPause(id) is not { } p)
        {
            call.NotFound(ErrorCodes.InterviewerPauseNotFound, "Interviewer pause", id);
            return;
        }

        p.Deleted = true;
        call.Org.Touch(p, call.NowMs);
        call.Success(w =>
        {
            w.WriteStartObject();
            w.WriteString("id", p.Id);
            w.WriteEndObject();
        });
    }

    /// <summary>Whether a user is paused from interviewing now (a pause applies to every pool).</summary>
    private static Func<User, bool> Paused(AshbyCall call)
    {
        var now = call.NowMs;
        var pauses = call.Org.InterviewerPauses;
        return u => pauses.Exists(p => p.User == u && !p.Deleted && p.StartsMs <= now && IsCurrent(p, now));
    }

    /// <summary>Active or scheduled: not yet ended.</summary>
    private static bool IsCurrent(InterviewerPause p, long now) => p.EndsMs is not { } end || end > now;

    private static bool ReadTime(AshbyCall call, string name, out long? ms)
    {
        ms = null;
        if (!call.OptionalString(name, out var text) || text is null) return !call.Failed;
        if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t))
        {
            return call.Fail(ErrorCodes.InvalidInput, $"{name} must be an ISO 8601 date-time");
        }

        ms = t.ToUnixTimeMilliseconds();
        return true;
    }

    private static void Transcript(AshbyCall call)
    {
        if (!call.RequiredGuid("notetakerTranscriptId", out var id)) return;
        if (!call.Org.NotetakerTranscriptsById.TryGetValue(id, out var t) || t.Event.Deleted || !call.CanSee(t.Event.Schedule.Application))
        {
            call.NotFound(ErrorCodes.NotetakerTranscriptNotFound, "Notetaker transcript", id);
            return;
        }

        call.Success(w => InterviewJson.Transcript(w, t, call.NowMs));
    }
}
