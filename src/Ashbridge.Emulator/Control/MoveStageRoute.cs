using Ashbridge.Emulator.Api;
using Ashbridge.Emulator.Changes;
using Ashbridge.Emulator.Data;
using Ashbridge.Emulator.Json;
using Microsoft.AspNetCore.Http;

namespace Ashbridge.Emulator.Control;

/// <summary>
/// <c>POST /_emulator/applications/{id}/stage</c> <c>{ interviewStageId? | stageType?, archiveReasonId? }</c>: moves an
/// application as a recruiter would (stage by id, or the plan's first stage of a type such as <c>Offer</c>).
/// </summary>
internal static class MoveStageRoute
{
    public static void Map(IEndpointRouteBuilder group) => group.MapPost("/applications/{id:guid}/stage", async (Guid id, HttpContext http, EmulatorServices services) =>
    {
        if (await ControlApi.ReadBodyAsync(http) is not { } body) return ControlApi.BadBody();
        return ControlApi.Change(services, ctx =>
        {
            if (ctx.Org.FindApplication(id) is not { } a) return ControlApi.Error(404, $"Application {id} was not found.");
            var stages = a.Stage.Plan.Stages;
            InterviewStage? stage = body.Guid("interviewStageId") is { } stageId ? stages.Find(s => s.Id == stageId)
                : body.String("stageType") is { } type && Enum.TryParse<StageType>(type, out var t) ? stages.Find(s => s.Type == t) : null;
            if (stage is null) return ControlApi.Error(400, "Give interviewStageId (a stage of the application's plan) or stageType (Lead, PreInterviewScreen, Active, Offer, Hired, Archived).");
            ArchiveReason? reason = null;
            if (stage.Type == StageType.Archived)
            {
                reason = body.Guid("archiveReasonId") is { } r ? ctx.Org.FindArchiveReason(r) : ctx.Org.ArchiveReasons.First(x => !x.IsArchived);
                if (reason is null) return ControlApi.Error(400, "archiveReasonId is not an archive reason of the organisation.");
            }

            ctx.Events.Add(ApplicationChanges.ChangeStage(ctx.Org, ctx.NowMs, a, stage, reason));
            return ControlApi.Json(w => ApplicationJson.Application(w, a, Viewer.Everything));
        });
    }).WithName("EmulatorMoveStage");
}
