using System.Text.Json;
using Ashbridge.Emulator.Data;

namespace Ashbridge.Emulator.Json;

/// <summary>Interview plans, their stages and the organisation's stage groups.</summary>
internal static class InterviewPlanJson
{
    public static void Plan(Utf8JsonWriter w, InterviewPlan p)
    {
        w.WriteStartObject();
        w.WriteString("id", p.Id);
        w.WriteString("title", p.Title);
        w.WriteBoolean("isArchived", p.IsArchived);
        w.WriteTime("createdAt", p.CreatedMs);
        w.WriteTime("updatedAt", p.UpdatedMs);
        w.WriteEndObject();
    }

    public static void Stage(Utf8JsonWriter w, InterviewStage s)
    {
        w.WriteStartObject();
        StageFields(w, s);
        w.WriteString("interviewPlanId", s.Plan.Id);
        w.WriteEndObject();
    }

    /// <summary>The fields a stage has everywhere; <c>interviewStageGroupId</c> is left out only for a stage without a group.</summary>
    public static void StageFields(Utf8JsonWriter w, InterviewStage s)
    {
        w.WriteString("id", s.Id);
        w.WriteString("title", s.Title);
        w.WriteString("type", Enums.StageTypes[(int)s.Type]);
        w.WriteNumber("orderInInterviewPlan", s.Order);
        if (s.Group is { } group) w.WriteString("interviewStageGroupId", group.Id);
    }

    public static void StageGroup(Utf8JsonWriter w, InterviewStageGroup g)
    {
        w.WriteStartObject();
        w.WriteString("id", g.Id);
        w.WriteString("title", g.Title);
        w.WriteNumber("order", g.Order);
        w.WriteString("stageType", Enums.StageTypes[(int)g.StageType]);
        w.WriteEndObject();
    }
}
