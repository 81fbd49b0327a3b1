using System.Text.Json;
using Ashbridge.Emulator.Data;

namespace Ashbridge.Emulator.Json;

/// <summary>Interview plans and their stages.</summary>
internal static class InterviewPlanJson
{
    public static void Plan(Utf8JsonWriter w, InterviewPlan p)
    {
        w.WriteStartObject();
        w.WriteString("id", p.Id);
        w.WriteString("title", p.Title);
        w.WriteBoolean("isArchived", p.IsArchived);
        w.WriteEndObject();
    }

    public static void Stage(Utf8JsonWriter w, InterviewStage s)
    {
        w.WriteStartObject();
        w.WriteString("id", s.Id);
        w.WriteString("title", s.Title);
        w.WriteString("type", Enums.StageTypes[(int)s.Type]);
        w.WriteNumber("orderInInterviewPlan", s.Order);
        w.WriteNull("interviewStageGroupId");
        w.WriteString("interviewPlanId", s.Plan.Id);
        w.WriteEndObject();
    }
}
