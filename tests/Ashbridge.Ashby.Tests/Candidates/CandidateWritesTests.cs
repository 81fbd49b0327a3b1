namespace Ashbridge.Ashby.Tests.Candidates;

/// <summary>Tags, notes and the tag list.</summary>
public class CandidateWritesTests
{
    [Fact]
    public async Task Add_and_remove_tag_send_the_ids_and_read_the_candidate()
    {
        await using var server = await ScriptedAshbyServer.StartAsync();
        server.Enqueue(Ok(Fixture.Text("api/candidate.json")), Ok(Fixture.Text("api/candidate.json")));
        using var client = TestClient.Create(server);

        var tagged = await client.Candidates.AddTagAsync(new CandidateAddTagRequest { CandidateId = "c1", TagId = "t1" }, cancellationToken: TestClient.Ct);
        var untagged = await client.Candidates.RemoveTagAsync(new CandidateRemoveTagRequest { CandidateId = "c1", TagId = "t1" }, cancellationToken: TestClient.Ct);

        tagged.Tags.Single().Title.ShouldBe("Referral");
        untagged.Name.ShouldBe("Ada Lovelace");
        server.Requests.Select(r => (r.Path, r.Body)).ShouldBe([
            ("/candidate.addTag", """{"candidateId":"c1","tagId":"t1"}"""),
            ("/candidate.removeTag", """{"candidateId":"c1","tagId":"t1"}"""),
        ]);
    }

    [Fact]
    public async Task Remove_tag_maps_an_unknown_tag_to_not_found()
    {
        await using var server = await ScriptedAshbyServer.StartAsync();
        server.Enqueue(Error("tag_not_found"));
        using var client = TestClient.Create(server);

        var ex = await Should.ThrowAsync<AshbyNotFoundException>(() => client.Candidates.RemoveTagAsync(new CandidateRemoveTagRequest { CandidateId = "c1", TagId = "t9" }, cancellationToken: TestClient.Ct));

        ex.Endpoint.ShouldBe("candidate.removeTag");
    }

    [Fact]
    public async Task Create_note_sends_the_typed_content_and_reads_the_note()
    {
        await using var server = await ScriptedAshbyServer.StartAsync();
        server.Enqueue(Ok("""{"id":"n1","createdAt":"2026-03-01T09:30:00.000Z","isPrivate":false,"content":"<b>Strong</b> hire","author":{"id":"u1","firstName":"Grace","lastName":"Hopper","email":"g@example.com"}}"""));
        using var client = TestClient.Create(server);

        var note = await client.Candidates.CreateNoteAsync(new CandidateCreateNoteRequest
        {
            CandidateId = "c1",
            Note = CandidateNoteContent.Html("<b>Strong</b> hire"),
            SendNotifications = false,
            CreatedAt = new DateTimeOffset(2026, 3, 1, 9, 30, 0, TimeSpan.Zero),
        }, cancellationToken: TestClient.Ct);

        server.Requests.Single().Path.ShouldBe("/candidate.createNote");
        server.Requests.Single().Body.ShouldBe("""{"candidateId":"c1","note":{"type":"text/html","value":"\u003Cb\u003EStrong\u003C/b\u003E hire"},"sendNotifications":false,"createdAt":"2026-03-01T09:30:00\u002B00:00"}""");
        note.Id.ShouldBe("n1");
        note.CreatedAt.ShouldBe(new DateTimeOffset(2026, 3, 1, 9, 30, 0, TimeSpan.Zero));
        note.IsPrivate.ShouldBeFalse();
        note.Content.ShouldBe("<b>Strong</b> hire");
        note.Author.FirstName.ShouldBe("Grace");
        CandidateNoteContent.PlainText("x").Type.ShouldBe("text/plain");
    }

    [Fact]
    public async Task Create_note_maps_invalid_input_with_its_parameter()
    {
        await using var server = await ScriptedAshbyServer.StartAsync();
        server.Enqueue(Raw(200, """{"success":false,"errors":[{"message":"note must be a string or an object { type, value }","parameter":"note"}]}"""));
        using var client = TestClient.Create(server);

        var ex = await Should.ThrowAsync<AshbyInvalidInputException>(() => client.Candidates.CreateNoteAsync(new CandidateCreateNoteRequest { CandidateId = "c1", Note = CandidateNoteContent.PlainText("") }, cancellationToken: TestClient.Ct));

        ex.Parameters.ShouldBe(["note"]);
    }

    [Fact]
    public async Task Tag_list_pages_and_hands_back_the_sync_token()
    {
        await using var server = await ScriptedAshbyServer.StartAsync();
        server.Enqueue(
            Page("""[{"id":"t1","title":"Referral","isArchived":false}]""", more: true, nextCursor: "c2"),
            Page("""[{"id":"t2","title":"Old","isArchived":true}]""", more: false, syncToken: "sync-1"));
        using var client = TestClient.Create(server);

        var session = client.CandidateTags.Sync(null, new CandidateTagListRequest { IncludeArchived = true, Limit = 1 });
        var tags = new List<CandidateTag>();
        await foreach (var page in session.WithCancellation(TestClient.Ct))
        {
            tags.AddRange(page.Results);
        }

        tags.Select(t => t.Title).ShouldBe(["Referral", "Old"]);
        tags[1].IsArchived.ShouldBe(true);
        session.NewSyncToken.ShouldBe("sync-1");
        server.Requests.Select(r => r.Path).Distinct().ShouldBe(["/candidateTag.list"]);
        server.Requests[0].Body.ShouldBe("""{"includeArchived":true,"limit":1}""");
        server.Requests[1].Json.GetProperty("cursor").GetString().ShouldBe("c2");
    }
}
