using Ashbridge.Emulator.Auth;
using Ashbridge.Emulator.Data;
using Ashbridge.Emulator.Json;
using Ashbridge.Emulator.Sync;

namespace Ashbridge.Emulator.Api;

/// <summary>
/// Interview plans and stages; and well-formed, empty answers for the interview data the emulator does not model
/// (schedules, interviews, feedback), so third-party clients that call them work.
/// </summary>
internal static class InterviewEndpoints
{
    private static readonly Note[] Nothing = [];

    public static void Register(EndpointTable table) => table
        .Read("interviewPlan.list", Permissions.InterviewsRead, PlanList)
        .Read("interviewStage.list", Permissions.InterviewsRead, StageList)
        .Read("interviewSchedule.list", Permissions.InterviewsRead, EmptyList)
        .Read("interview.list", Permissions.InterviewsRead, EmptyList);

    private static void PlanList(AshbyCall call)
    {
        if (!call.OptionalBool("includeArchived", out var includeArchived)) return;
        Pager.List(call, call.Org.InterviewPlans, (p, incremental) => includeArchived || incremental || !p.IsArchived, InterviewPlanJson.Plan);
    }

    private static void StageList(AshbyCall call)
    {
        if (!call.RequiredGuid("interviewPlanId", out var id)) return;
        if (call.Org.FindPlan(id) is not { } plan)
        {
            call.NotFound(ErrorCodes.InterviewPlanNotFound, "Interview plan", id);
            return;
        }

        call.Success(w =>
        {
            w.WriteStartArray();
            foreach (var s in plan.Stages) InterviewPlanJson.Stage(w, s);
            w.WriteEndArray();
        });
    }

    private static void EmptyList(AshbyCall call) => Pager.List(call, Nothing, (_, _) => true, (_, _) => { });
}
