namespace Ashbridge.Ashby.Tests.AgainstEmulator;

/// <summary>
/// The endpoints the hub's next features need (issue 24) that the emulator already answers: users, hiring teams,
/// candidate writes, tags, notes, postings with their forms, openings and custom field definitions. Its own emulator,
/// so the writes here cannot disturb the sync tests in <see cref="ClientAgainstEmulatorTests"/>.
/// </summary>
public sealed class HubEndpointsAgainstEmulatorTests(EmulatorWithKeys emulator) : IClassFixture<EmulatorWithKeys>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Users_are_listed_found_by_email_and_read_by_id_and_deactivated_ones_only_on_request()
    {
        using var client = emulator.Client();

        var active = await client.Users.EnumerateAsync(cancellationToken: Ct).ToListAsync(Ct);
        var everyone = await client.Users.EnumerateAsync(new UserListRequest { IncludeDeactivated = true }, cancellationToken: Ct).ToListAsync(Ct);

        active.ShouldAllBe(u => u.IsEnabled);
        everyone.Count.ShouldBeGreaterThan(active.Count);
        everyone.ShouldContain(u => !u.IsEnabled);
        var someone = active.First(u => u.Email != null);
        (await client.Users.SearchAsync(new UserSearchRequest { Email = someone.Email! }, cancellationToken: Ct)).Select(u => u.Id).ShouldBe([someone.Id]);
        (await client.Users.SearchAsync(new UserSearchRequest { Email = $"nobody-{Guid.NewGuid():n}@example.com" }, cancellationToken: Ct)).ShouldBeEmpty();
        var info = await client.Users.InfoAsync(new UserInfoRequest { UserId = someone.Id }, cancellationToken: Ct);
        (info.FirstName, info.LastName, info.GlobalRole).ShouldBe((someone.FirstName, someone.LastName, someone.GlobalRole));
        await Should.ThrowAsync<AshbyNotFoundException>(() => client.Users.InfoAsync(new UserInfoRequest { UserId = Guid.NewGuid().ToString() }, cancellationToken: Ct));
    }

    [Fact]
    public async Task A_user_added_to_a_job_and_an_application_appears_on_their_hiring_teams()
    {
        using var client = emulator.Client();
        var user = await client.Users.EnumerateAsync(cancellationToken: Ct).Skip(2).FirstAsync(Ct);
        var role = (await client.HiringTeamRoles.ListAsync(cancellationToken: Ct)).First(r => r.Title == "Sourcer");
        var job = await client.Jobs.EnumerateAsync(new JobListRequest { Status = [JobStatus.Open] }, cancellationToken: Ct).FirstAsync(Ct);
        var (applicationId, _) = await emulator.ActiveApplicationAsync(Ct);

        var onJob = await client.HiringTeam.AddMemberAsync(new HiringTeamAddMemberRequest { JobId = job.Id, TeamMemberId = user.Id, RoleId = role.Id }, cancellationToken: Ct);
        var onApplication = await client.Applications.AddHiringTeamMemberAsync(new ApplicationAddHiringTeamMemberRequest { ApplicationId = applicationId, TeamMemberId = user.Id, RoleId = role.Id }, cancellationToken: Ct);

        (onJob.UserId, onJob.Role).ShouldBe((user.Id, "Sourcer"));
        onApplication.UserId.ShouldBe(user.Id);
        (await client.Jobs.InfoAsync(new JobInfoRequest { Id = job.Id }, cancellationToken: Ct)).HiringTeam!.ShouldContain(m => m.UserId == user.Id && m.Role == "Sourcer");
        (await client.Applications.InfoAsync(new ApplicationInfoRequest { ApplicationId = applicationId }, cancellationToken: Ct)).HiringTeam!.ShouldContain(m => m.UserId == user.Id && m.Role == "Sourcer");
        await Should.ThrowAsync<AshbyNotFoundException>(() => client.HiringTeam.AddMemberAsync(
            new HiringTeamAddMemberRequest { JobId = job.Id, TeamMemberId = user.Id, RoleId = Guid.NewGuid().ToString() }, cancellationToken: Ct));
    }

    [Fact]
    public async Task A_candidate_is_created_updated_tagged_noted_and_considered_for_a_job()
    {
        using var client = emulator.Client();
        var email = $"hub-{Guid.NewGuid():n}@example.com";
        var created = await client.Candidates.CreateAsync(new CandidateCreateRequest { Name = "Robin Hub", Email = email }, cancellationToken: Ct);

        var updated = await client.Candidates.UpdateAsync(new CandidateUpdateRequest { CandidateId = created.Id, Name = "Robin Q. Hub" }, cancellationToken: Ct);
        var tag = await client.CandidateTags.EnumerateAsync(cancellationToken: Ct).FirstAsync(Ct);
        var tagged = await client.Candidates.AddTagAsync(new CandidateAddTagRequest { CandidateId = created.Id, TagId = tag.Id }, cancellationToken: Ct);
        var note = await client.Candidates.CreateNoteAsync(new CandidateCreateNoteRequest { CandidateId = created.Id, Note = CandidateNoteContent.PlainText("Met at the meetup") }, cancellationToken: Ct);
        var job = await client.Jobs.EnumerateAsync(new JobListRequest { Status = [JobStatus.Open] }, cancellationToken: Ct).FirstAsync(Ct);
        var application = await client.Applications.CreateAsync(new ApplicationCreateRequest { CandidateId = created.Id, JobId = job.Id }, cancellationToken: Ct);

        updated.Name.ShouldBe("Robin Q. Hub");
        tagged.Tags.Select(t => t.Id).ShouldContain(tag.Id);
        note.Content.ShouldBe("Met at the meetup");
        note.IsPrivate.ShouldBeFalse();
        note.Author.Id.ShouldNotBeNullOrEmpty();
        (application.Candidate.Id, application.Job.Id).ShouldBe((created.Id, job.Id));
        var found = (await client.Candidates.SearchAsync(new CandidateSearchRequest { Email = email, Name = "Q. Hub" }, cancellationToken: Ct)).Single();
        found.Tags.Select(t => t.Id).ShouldContain(tag.Id);
        found.ApplicationIds.ShouldContain(application.Id);
        await Should.ThrowAsync<AshbyNotFoundException>(() => client.Candidates.AddTagAsync(new CandidateAddTagRequest { CandidateId = created.Id, TagId = Guid.NewGuid().ToString() }, cancellationToken: Ct));
    }

    [Fact]
    public async Task Candidate_tags_sync_and_hide_archived_tags_unless_asked()
    {
        using var client = emulator.Client();

        var session = client.CandidateTags.Sync(null, new CandidateTagListRequest { Limit = 2 });
        var tags = new List<CandidateTag>();
        await foreach (var page in session.WithCancellation(Ct))
        {
            tags.AddRange(page.Results);
        }

        var all = await client.CandidateTags.EnumerateAsync(new CandidateTagListRequest { IncludeArchived = true }, cancellationToken: Ct).ToListAsync(Ct);
        tags.ShouldNotBeEmpty();
        tags.ShouldAllBe(t => t.IsArchived != true);
        session.NewSyncToken.ShouldNotBeNullOrEmpty();
        all.Count.ShouldBeGreaterThanOrEqualTo(tags.Count);
        tags.Select(t => t.Id).ShouldBeSubsetOf(all.Select(t => t.Id));
    }

    [Fact]
    public async Task A_posting_reads_with_its_application_form()
    {
        using var client = emulator.Client();
        var summary = (await client.JobPostings.ListAsync(cancellationToken: Ct))[0];

        var posting = await client.JobPostings.InfoAsync(new JobPostingInfoRequest { JobPostingId = summary.Id }, cancellationToken: Ct);

        posting.Id.ShouldBe(summary.Id);
        posting.JobId.ShouldBe(summary.JobId);
        var fields = posting.ApplicationFormDefinition!.Sections!.SelectMany(s => s.Fields).ToList();
        fields.Select(f => f.Field.Path).ShouldContain("_systemfield_name");
        fields.Select(f => f.Field.Path).ShouldContain("_systemfield_email");
        fields.ShouldAllBe(f => f.Field.Title.Length > 0 && f.Field.Type.Length > 0);
        posting.SurveyFormDefinitions.ShouldNotBeNull();
        await Should.ThrowAsync<AshbyNotFoundException>(() => client.JobPostings.InfoAsync(new JobPostingInfoRequest { JobPostingId = Guid.NewGuid().ToString() }, cancellationToken: Ct));
    }

    [Fact]
    public async Task An_opening_reads_by_id()
    {
        using var client = emulator.Client();
        var listed = await client.Openings.EnumerateAsync(cancellationToken: Ct).FirstAsync(Ct);

        var opening = await client.Openings.InfoAsync(new OpeningInfoRequest { OpeningId = listed.Id }, cancellationToken: Ct);

        opening.Id.ShouldBe(listed.Id);
        opening.OpeningState.ShouldBe(listed.OpeningState);
        opening.LatestVersion?.Identifier.ShouldBe(listed.LatestVersion?.Identifier);
        await Should.ThrowAsync<AshbyNotFoundException>(() => client.Openings.InfoAsync(new OpeningInfoRequest { OpeningId = Guid.NewGuid().ToString() }, cancellationToken: Ct));
    }

    [Fact]
    public async Task A_custom_field_definition_reads_by_id()
    {
        using var client = emulator.Client();
        var listed = await client.CustomFields.EnumerateAsync(cancellationToken: Ct).FirstAsync(f => f.FieldType == CustomFieldType.ValueSelect, Ct);

        var field = await client.CustomFields.InfoAsync(new CustomFieldInfoRequest { CustomFieldId = listed.Id }, cancellationToken: Ct);

        (field.Id, field.Title, field.ObjectType, field.FieldType).ShouldBe((listed.Id, listed.Title, listed.ObjectType, listed.FieldType));
        field.SelectableValues!.Select(v => v.Value).ShouldBe(listed.SelectableValues!.Select(v => v.Value));
        await Should.ThrowAsync<AshbyApiException>(() => client.CustomFields.InfoAsync(new CustomFieldInfoRequest { CustomFieldId = Guid.NewGuid().ToString() }, cancellationToken: Ct));
    }
}
