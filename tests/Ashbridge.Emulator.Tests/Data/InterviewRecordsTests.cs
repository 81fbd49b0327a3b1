using Ashbridge.Emulator.Data;

namespace Ashbridge.Emulator.Tests.Data;

/// <summary>The interview records generator: deterministic, consistent, and sparse enough for the large size.</summary>
public class InterviewRecordsTests
{
    private static string Fingerprint(Organization org) => string.Join('\n',
        org.StageGroups.Select(g => $"{g.Id} {g.Title}")
            .Concat(org.Interviews.Select(i => $"{i.Id} {i.Title} {i.Job?.Id}"))
            .Concat(org.InterviewerPools.Select(p => $"{p.Id} {p.Title} {string.Join(',', p.Qualified.Select(u => u.Id))} {string.Join(',', p.Trainees.Select(t => t.User.Id))}"))
            .Concat(org.InterviewSchedules.Select(s => $"{s.Id} {s.Application.Id} {s.Stage.Id} {s.Status} {string.Join(',', s.Events.Select(e => $"{e.Id}/{e.StartMs}/{e.Interview.Id}/{string.Join('+', e.Interviewers.Select(i => i.User.Id))}"))}"))
            .Concat(org.InterviewerSettingsByUser.Select(kv => $"{kv.Key} {kv.Value.DailyLimit} {kv.Value.WeeklyLimit}"))
            .Concat(org.InterviewerPauses.Select(p => $"{p.Id} {p.User.Id} {p.StartsMs}"))
            .Concat(org.NotetakerTranscriptsById.Keys.Select(k => k.ToString())));

    [Fact]
    public void The_same_seed_generates_the_same_interview_records_and_another_seed_different_ones()
    {
        var a = Fingerprint(OrganizationGenerator.Generate(5, OrganizationSize.Parse("small")));
        Fingerprint(OrganizationGenerator.Generate(5, OrganizationSize.Parse("small"))).ShouldBe(a);
        Fingerprint(OrganizationGenerator.Generate(6, OrganizationSize.Parse("small"))).ShouldNotBe(a);
    }

    [Fact]
    public void Every_stage_has_a_group_of_its_type_and_schedules_only_cover_a_fraction_of_applications()
    {
        var org = OrganizationGenerator.Generate(3, OrganizationSize.Parse("2000"));
        foreach (var s in org.InterviewPlans.SelectMany(p => p.Stages))
        {
            s.Group.ShouldNotBeNull();
            s.Group.StageType.ShouldBe(s.Type);
        }

        org.InterviewSchedules.Count.ShouldBeGreaterThan(0);
        org.InterviewSchedules.Count.ShouldBeLessThan(org.Applications.Count / 3);
        org.InterviewSchedules.ShouldAllBe(s => s.Stage.Type == StageType.Active && s.Stage.Plan == s.Application.Stage.Plan);
        org.InterviewSchedules.SelectMany(s => s.Events).Count().ShouldBeLessThan(org.Applications.Count);
        org.NotetakerTranscriptsById.Values.ShouldAllBe(t => t.Event.HasSubmittedFeedback);
    }
}
