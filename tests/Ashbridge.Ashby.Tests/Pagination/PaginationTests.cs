using System.Text.Json;

namespace Ashbridge.Ashby.Tests.Pagination;

public class PaginationTests
{
    private static string Departments(params string[] ids) =>
        "[" + string.Join(",", ids.Select(id => $$"""{"id":"{{id}}","name":"Dept {{id}}","isArchived":false}""")) + "]";

    [Fact]
    public async Task ListAsync_returns_one_page_as_Ashby_sent_it()
    {
        await using var server = await ScriptedAshbyServer.StartAsync();
        server.Enqueue(Page(Departments("d1", "d2"), more: true, nextCursor: "c2"));
        using var client = TestClient.Create(server);

        var page = await client.Departments.ListAsync(new DepartmentListRequest { Limit = 2, IncludeArchived = true }, cancellationToken: TestClient.Ct);

        page.Results.Select(d => d.Id).ShouldBe(["d1", "d2"]);
        page.MoreDataAvailable.ShouldBeTrue();
        page.NextCursor.ShouldBe("c2");
        page.SyncToken.ShouldBeNull();
        var body = server.Requests.Single().Json;
        body.GetProperty("limit").GetInt32().ShouldBe(2);
        body.GetProperty("includeArchived").GetBoolean().ShouldBeTrue();
        body.TryGetProperty("cursor", out _).ShouldBeFalse();
    }

    [Fact]
    public async Task EnumeratePagesAsync_follows_nextCursor_until_moreDataAvailable_is_false()
    {
        await using var server = await ScriptedAshbyServer.StartAsync();
        server.Enqueue(
            Page(Departments("d1", "d2"), more: true, nextCursor: "c2"),
            Page(Departments("d3", "d4"), more: true, nextCursor: "c3"),
            Page(Departments("d5"), more: false, syncToken: "tok-1"));
        using var client = TestClient.Create(server);

        var pages = new List<AshbyPage<Department>>();
        await foreach (var page in client.Departments.EnumeratePagesAsync(new DepartmentListRequest { Limit = 2 }, cancellationToken: TestClient.Ct))
        {
            pages.Add(page);
        }

        pages.Count.ShouldBe(3);
        pages.SelectMany(p => p.Results).Select(d => d.Id).ShouldBe(["d1", "d2", "d3", "d4", "d5"]);
        pages[^1].SyncToken.ShouldBe("tok-1");
        pages[^1].IsLastPage.ShouldBeTrue();
        server.Requests.Select(r => r.Json.TryGetProperty("cursor", out var c) ? c.GetString() : null).ShouldBe([null, "c2", "c3"]);
        server.Requests.ShouldAllBe(r => r.Json.GetProperty("limit").GetInt32() == 2);
    }

    [Fact]
    public async Task EnumerateAsync_streams_items_across_pages()
    {
        await using var server = await ScriptedAshbyServer.StartAsync();
        server.Enqueue(
            Page(Departments("d1"), more: true, nextCursor: "c2"),
            Page(Departments("d2"), more: false));
        using var client = TestClient.Create(server);

        var ids = new List<string>();
        await foreach (var d in client.Departments.EnumerateAsync(cancellationToken: TestClient.Ct))
        {
            ids.Add(d.Id);
        }

        ids.ShouldBe(["d1", "d2"]);
    }

    [Theory]
    [InlineData(101)]
    [InlineData(0)]
    [InlineData(-1)]
    public void A_limit_outside_1_to_100_throws(int limit)
    {
        var ex = Should.Throw<ArgumentOutOfRangeException>(() => new CandidateListRequest { Limit = limit });
        ex.Message.ShouldContain("100");
    }

    [Fact]
    public void A_limit_of_100_is_accepted()
    {
        new CandidateListRequest { Limit = 100 }.Limit.ShouldBe(100);
    }

    [Fact]
    public async Task The_sync_token_is_sent_on_the_first_request_and_with_every_cursor()
    {
        await using var server = await ScriptedAshbyServer.StartAsync();
        server.Enqueue(
            Page("[]", more: true, nextCursor: "c2"),
            Page("[]", more: false, syncToken: "tok-2"));
        using var client = TestClient.Create(server);

        await foreach (var _ in client.Applications.EnumeratePagesAsync(new ApplicationListRequest { SyncToken = "tok-1" }, cancellationToken: TestClient.Ct))
        {
        }

        server.Requests.ShouldAllBe(r => r.Json.GetProperty("syncToken").GetString() == "tok-1");
        server.Requests[1].Json.GetProperty("cursor").GetString().ShouldBe("c2");
    }

    [Fact]
    public async Task A_sync_session_hands_back_the_token_only_after_the_last_page_was_consumed()
    {
        await using var server = await ScriptedAshbyServer.StartAsync();
        server.Enqueue(
            Page("""[{"id":"a1"}]""".Replace("""{"id":"a1"}""", Application("a1")), more: true, nextCursor: "c2", syncToken: "early-token"),
            Page("[" + Application("a2") + "]", more: false, syncToken: "tok-2"));
        using var client = TestClient.Create(server);

        var session = client.Applications.Sync("tok-1");
        session.IsIncremental.ShouldBeTrue();
        var seenWhileProcessing = new List<string?>();
        var pageTokens = new List<string?>();
        await foreach (var page in session.WithCancellation(TestClient.Ct))
        {
            pageTokens.Add(page.SyncToken);
            seenWhileProcessing.Add(session.NewSyncToken);
            session.IsComplete.ShouldBeFalse();
        }

        seenWhileProcessing.ShouldBe([null, null]);
        pageTokens.ShouldBe([null, "tok-2"]);
        session.IsComplete.ShouldBeTrue();
        session.NewSyncToken.ShouldBe("tok-2");
        session.PageCount.ShouldBe(2);
        server.Requests.ShouldAllBe(r => r.Json.GetProperty("syncToken").GetString() == "tok-1");
    }

    [Fact]
    public async Task A_sync_session_abandoned_before_the_last_page_never_exposes_a_token()
    {
        await using var server = await ScriptedAshbyServer.StartAsync();
        server.Enqueue(
            Page("[" + Application("a1") + "]", more: true, nextCursor: "c2"),
            Page("[" + Application("a2") + "]", more: false, syncToken: "tok-2"));
        using var client = TestClient.Create(server);

        var session = client.Applications.Sync(null);
        await foreach (var _ in session.WithCancellation(TestClient.Ct))
        {
            break;
        }

        session.IsComplete.ShouldBeFalse();
        session.NewSyncToken.ShouldBeNull();
        server.Requests.Count.ShouldBe(1);
        server.Requests[0].Json.TryGetProperty("syncToken", out _).ShouldBeFalse();
    }

    [Fact]
    public async Task A_sync_error_mid_pass_throws_restart_required_and_keeps_the_token_null()
    {
        await using var server = await ScriptedAshbyServer.StartAsync();
        server.Enqueue(
            Page("[" + Application("a1") + "]", more: true, nextCursor: "c2"),
            Error("next_cursor_expired"));
        using var client = TestClient.Create(server);

        var session = client.Applications.Sync("tok-1");
        var ex = await Should.ThrowAsync<AshbySyncRestartRequiredException>(async () =>
        {
            await foreach (var _ in session.WithCancellation(TestClient.Ct))
            {
            }
        });

        ex.ErrorCode.ShouldBe("next_cursor_expired");
        session.NewSyncToken.ShouldBeNull();
    }

    [Fact]
    public async Task A_sync_session_can_only_be_enumerated_once()
    {
        await using var server = await ScriptedAshbyServer.StartAsync();
        server.Enqueue(Page("[]", more: false, syncToken: "t"));
        using var client = TestClient.Create(server);
        var session = client.Users.Sync(null);
        await foreach (var _ in session.WithCancellation(TestClient.Ct))
        {
        }

        Should.Throw<InvalidOperationException>(() => session.GetAsyncEnumerator(TestClient.Ct));
    }

    [Fact]
    public async Task Raw_pages_keep_each_item_as_Ashby_sent_it()
    {
        await using var server = await ScriptedAshbyServer.StartAsync();
        server.Enqueue(
            Page("""[{"id":"d1","name":"One","isArchived":false,"brandNewField":{"x":1}}]""", more: true, nextCursor: "c2"),
            Page("""[{"id":"d2","name":"Two","isArchived":true}]""", more: false, syncToken: "t"));
        using var client = TestClient.Create(server);

        var pages = new List<AshbyPage<JsonElement>>();
        await foreach (var p in client.Departments.EnumerateRawPagesAsync(cancellationToken: TestClient.Ct))
        {
            pages.Add(p);
        }

        pages[0].Results[0].GetProperty("brandNewField").GetProperty("x").GetInt32().ShouldBe(1);
        pages[0].SyncToken.ShouldBeNull();
        pages[1].SyncToken.ShouldBe("t");
    }

    [Fact]
    public async Task A_raw_sync_session_hands_back_the_token_after_the_last_page()
    {
        await using var server = await ScriptedAshbyServer.StartAsync();
        server.Enqueue(Page("""[{"id":"c1"}]""", more: false, syncToken: "tok-new"));
        using var client = TestClient.Create(server);

        var session = client.Candidates.SyncRaw("tok-old", new CandidateListRequest { Limit = 50 });
        var items = 0;
        await foreach (var page in session.WithCancellation(TestClient.Ct))
        {
            items += page.Results.Count;
            session.NewSyncToken.ShouldBeNull();
        }

        items.ShouldBe(1);
        session.NewSyncToken.ShouldBe("tok-new");
        server.Requests[0].Json.GetProperty("limit").GetInt32().ShouldBe(50);
    }

    [Fact]
    public async Task ListRawAsync_returns_the_page_token_as_sent()
    {
        await using var server = await ScriptedAshbyServer.StartAsync();
        server.Enqueue(Page("""[{"id":"o1"}]""", more: false, syncToken: "t9"));
        using var client = TestClient.Create(server);

        var page = await client.Openings.ListRawAsync(cancellationToken: TestClient.Ct);

        page.Results.Single().GetProperty("id").GetString().ShouldBe("o1");
        page.SyncToken.ShouldBe("t9");
    }

    [Fact]
    public async Task More_data_without_a_cursor_stops_instead_of_looping()
    {
        await using var server = await ScriptedAshbyServer.StartAsync();
        server.Enqueue(Page("[]", more: true), Page("[]", more: true));
        using var client = TestClient.Create(server);

        var ex = await Should.ThrowAsync<AshbyApiException>(async () =>
        {
            await foreach (var _ in client.Locations.EnumeratePagesAsync(cancellationToken: TestClient.Ct))
            {
            }
        });
        var raw = await Should.ThrowAsync<AshbyApiException>(async () =>
        {
            await foreach (var page in client.EnumerateRawPagesAsync("location.list", cancellationToken: TestClient.Ct)) page.Dispose();
        });

        ex.Message.ShouldContain("no nextCursor");
        raw.Message.ShouldBe(ex.Message); // the raw page stream keeps the same guard
    }

    [Fact]
    public async Task A_repeated_cursor_stops_instead_of_looping()
    {
        await using var server = await ScriptedAshbyServer.StartAsync();
        server.Enqueue(Page("[]", more: true, nextCursor: "same"), Page("[]", more: true, nextCursor: "same"));
        using var client = TestClient.Create(server);

        await Should.ThrowAsync<AshbyApiException>(async () =>
        {
            await foreach (var _ in client.Locations.EnumeratePagesAsync(cancellationToken: TestClient.Ct))
            {
            }
        });
        server.Requests.Count.ShouldBe(2);
    }

    [Fact]
    public async Task Cancelling_the_enumeration_stops_before_the_next_page()
    {
        await using var server = await ScriptedAshbyServer.StartAsync();
        server.Enqueue(Page(Departments("d1"), more: true, nextCursor: "c2"), Page(Departments("d2"), more: false));
        using var client = TestClient.Create(server);
        using var cts = new CancellationTokenSource();

        await Should.ThrowAsync<OperationCanceledException>(async () =>
        {
            await foreach (var _ in client.Departments.EnumerateAsync(cancellationToken: cts.Token))
            {
                await cts.CancelAsync();
            }
        });
        server.Requests.Count.ShouldBe(1);
    }

    [Fact]
    public async Task Envelope_warnings_are_exposed_on_the_page()
    {
        await using var server = await ScriptedAshbyServer.StartAsync();
        server.Enqueue(Ok("[]", ""","moreDataAvailable":false,"warnings":["unable_to_add_application_metadata"]"""));
        using var client = TestClient.Create(server);

        var page = await client.CustomFields.ListAsync(cancellationToken: TestClient.Ct);

        page.Warnings.ShouldBe(["unable_to_add_application_metadata"]);
    }

    internal static string Application(string id) => $$"""
        {"id":"{{id}}","createdAt":"2026-01-02T03:04:05.000Z","updatedAt":"2026-01-03T03:04:05.000Z","status":"Active",
         "candidate":{"id":"c-{{id}}","name":"Ada"},"job":{"id":"j1","title":"Engineer"} }
        """;
}
