using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;

namespace Ashbridge.Ashby.Tests.Pagination;

/// <summary><see cref="AshbyClient.EnumerateRawPagesAsync"/>: the page stream a mirror reads.</summary>
public class RawPageStreamTests
{
    private static string Rows(params string[] ids) => "[" + string.Join(",", ids.Select(id => $$"""{"id":"{{id}}","name":"Row {{id}}"}""")) + "]";

    private static string? Text(RecordedRequest request, string name) =>
        request.Json.TryGetProperty(name, out var value) ? value.ToString() : null;

    [Fact]
    public async Task The_stream_follows_the_cursors_and_hands_the_sync_token_on_with_the_last_page_only()
    {
        await using var server = await ScriptedAshbyServer.StartAsync();
        server.Enqueue(
            Page(Rows("a1", "a2"), more: true, nextCursor: "c2", syncToken: "early"),
            Page(Rows("a3"), more: true, nextCursor: "c3"),
            Page(Rows("a4"), more: false, syncToken: "tok-2"));
        using var client = TestClient.Create(server);
        var request = new AshbyRawPageRequest { Parameters = new JsonObject { ["includeArchived"] = true, ["limit"] = 7 }, Limit = 2, SyncToken = "tok-1" };

        var seen = new List<(string[] Ids, bool Last, string? Cursor, string? Token)>();
        await foreach (var page in client.EnumerateRawPagesAsync("application.list", request, TestClient.Ct))
        {
            using (page)
            {
                seen.Add(([.. page.Results.EnumerateArray().Select(r => r.GetProperty("id").GetString()!)], page.IsLastPage, page.NextCursor, page.SyncToken));
            }
        }

        seen.Select(p => p.Ids).ShouldBe([["a1", "a2"], ["a3"], ["a4"]]);
        seen.Select(p => p.Last).ShouldBe([false, false, true]);
        seen.Select(p => p.Cursor).ShouldBe(["c2", "c3", null]);
        seen.Select(p => p.Token).ShouldBe([null, null, "tok-2"]);

        // The parameters, then the page size, then the token on the first request; a follow-up sends its cursor alone.
        server.Requests[0].Body.ShouldBe("""{"includeArchived":true,"limit":2,"syncToken":"tok-1"}""");
        server.Requests.Skip(1).Select(r => r.Body).ShouldBe(["""{"includeArchived":true,"limit":2,"cursor":"c2"}""", """{"includeArchived":true,"limit":2,"cursor":"c3"}"""]);
    }

    [Fact]
    public async Task A_resumed_stream_starts_from_its_cursor_without_the_token()
    {
        await using var server = await ScriptedAshbyServer.StartAsync();
        server.Enqueue(Page(Rows("a9"), more: false, syncToken: "tok-3"));
        using var client = TestClient.Create(server);

        await foreach (var page in client.EnumerateRawPagesAsync("candidate.list", new AshbyRawPageRequest { Cursor = "c7", SyncToken = "tok-1", Limit = 100 }, TestClient.Ct))
        {
            page.Dispose();
        }

        server.Requests.Single().Body.ShouldBe("""{"limit":100,"cursor":"c7"}""");
    }

    [Fact]
    public async Task Each_items_json_is_a_slice_of_the_bytes_Ashby_sent()
    {
        await using var server = await ScriptedAshbyServer.StartAsync();
        server.Enqueue(Page(Rows("a1", "a2"), more: false));
        using var client = TestClient.Create(server);

        await foreach (var page in client.EnumerateRawPagesAsync("candidate.list", cancellationToken: TestClient.Ct))
        {
            using (page)
            {
                Encoding.UTF8.GetString(page.Utf8Json.Span).ShouldContain("\"moreDataAvailable\":false"); // the envelope as received
                foreach (var item in page.Results.EnumerateArray())
                {
                    var raw = JsonMarshal.GetRawUtf8Value(item);
                    page.Utf8Json.Span.Overlaps(raw, out var offset).ShouldBeTrue();
                    Encoding.UTF8.GetString(page.Utf8Json.Span.Slice(offset, raw.Length)).ShouldBe(item.GetRawText());
                }
            }
        }
    }

    [Fact]
    public async Task The_next_request_is_on_its_way_before_the_page_is_handed_on()
    {
        await using var server = await ScriptedAshbyServer.StartAsync();
        server.Enqueue(Page(Rows("a1"), more: true, nextCursor: "c2"), Page(Rows("a2"), more: false).HeldUntilReleased());
        using var client = TestClient.Create(server);

        await using var pages = client.EnumerateRawPagesAsync("candidate.list", new AshbyRawPageRequest { Limit = 100 }, TestClient.Ct).GetAsyncEnumerator(TestClient.Ct);
        (await pages.MoveNextAsync()).ShouldBeTrue();
        pages.Current.Dispose();

        await server.WaitForRequestsAsync(2); // sent while the first page is still with the caller
        server.ReleaseHeld();
        (await pages.MoveNextAsync()).ShouldBeTrue();
        pages.Current.IsLastPage.ShouldBeTrue();
        pages.Current.Dispose();
        (await pages.MoveNextAsync()).ShouldBeFalse();
    }

    [Fact]
    public async Task A_stream_read_ahead_makes_its_first_requests_and_holds_the_next_until_released()
    {
        await using var server = await ScriptedAshbyServer.StartAsync();
        server.Enqueue(
            Page(Rows("a1"), more: true, nextCursor: "c2"),
            Page(Rows("a2"), more: true, nextCursor: "c3"),
            Page(Rows("a3"), more: false, syncToken: "tok"));
        using var client = TestClient.Create(server);
        var readAhead = new AshbyReadAhead(pages: 2);

        await using var pages = client.EnumerateRawPagesAsync("candidate.list", new AshbyRawPageRequest { Limit = 100, ReadAhead = readAhead }, TestClient.Ct).GetAsyncEnumerator(TestClient.Ct);
        (await pages.MoveNextAsync()).ShouldBeTrue();
        pages.Current.Dispose();
        var second = pages.MoveNextAsync().AsTask(); // its page is read, and the third request held
        await server.WaitForRequestsAsync(2);

        second.IsCompleted.ShouldBeFalse();
        server.Requests.Count.ShouldBe(2);
        readAhead.Release();
        (await second).ShouldBeTrue();
        pages.Current.Dispose();
        (await pages.MoveNextAsync()).ShouldBeTrue();
        pages.Current.SyncToken.ShouldBe("tok");
        pages.Current.Dispose();
        server.Requests.Count.ShouldBe(3);
    }

    [Fact]
    public async Task A_request_read_ahead_goes_without_retries_and_after_a_transient_failure_is_made_again_once_released()
    {
        await using var server = await ScriptedAshbyServer.StartAsync();
        server.Enqueue(
            Page(Rows("a1"), more: true, nextCursor: "c2"),
            Raw(503, "<html>busy</html>", "text/html"),
            Page(Rows("a2"), more: false, syncToken: "tok"));
        // Retries would wait on a clock that never moves: only a request made without them can fail and come back.
        using var client = TestClient.Create(server, o =>
        {
            o.MaxRetries = 3;
            o.TimeProvider = new FakeTimeProvider();
        });
        var readAhead = new AshbyReadAhead(pages: 4);

        await using var pages = client.EnumerateRawPagesAsync("candidate.list", new AshbyRawPageRequest { Limit = 100, ReadAhead = readAhead }, TestClient.Ct).GetAsyncEnumerator(TestClient.Ct);
        (await pages.MoveNextAsync()).ShouldBeTrue();
        pages.Current.Dispose();
        var second = pages.MoveNextAsync().AsTask();
        await server.WaitForRequestsAsync(2);

        readAhead.Release();
        (await second.WaitAsync(TimeSpan.FromSeconds(10), TestClient.Ct)).ShouldBeTrue();
        pages.Current.SyncToken.ShouldBe("tok");
        pages.Current.Dispose();
        server.Requests.Select(r => Text(r, "cursor")).ShouldBe([null, "c2", "c2"]);
    }

    [Fact]
    public async Task A_sync_token_Ashby_refuses_ends_the_stream_with_the_restart_error_after_the_pages_before_it()
    {
        await using var server = await ScriptedAshbyServer.StartAsync();
        server.Enqueue(Page(Rows("a1"), more: true, nextCursor: "c2"), Error("sync_token_expired", "The sync token has expired."));
        using var client = TestClient.Create(server);

        var ids = new List<string>();
        var error = await Should.ThrowAsync<AshbySyncRestartRequiredException>(async () =>
        {
            await foreach (var page in client.EnumerateRawPagesAsync("candidate.list", new AshbyRawPageRequest { SyncToken = "old", Limit = 100 }, TestClient.Ct))
            {
                using (page)
                {
                    ids.AddRange(page.Results.EnumerateArray().Select(r => r.GetProperty("id").GetString()!));
                }
            }
        });

        ids.ShouldBe(["a1"]);
        error.ErrorCode.ShouldBe("sync_token_expired");
    }

    [Fact]
    public async Task A_one_call_answer_comes_in_pages_of_the_size_asked_each_item_its_json_as_sent()
    {
        // Items as Ashby might lay them out: spaces and new lines between them, commas and brackets inside strings,
        // nested objects and arrays, and a property after the results.
        var rows = Enumerable.Range(0, 250).Select(i =>
            $$"""{"id":"posting-{{i:D3}}","jobId":"job-{{i % 7}}","title":"Engineer, [{{i}}] {x}","tags":[{"a":[1,2]},"b,c"]}""").ToList();
        await using var server = await ScriptedAshbyServer.StartAsync();
        server.Enqueue(new ScriptedResponse(200, "{\"success\": true,\n \"results\": [\n  " + string.Join(",\n  ", rows) + "\n ], \"moreDataAvailable\": false}"));
        using var client = TestClient.Create(server);

        var pages = new List<(List<string> Items, bool Last, string? Cursor)>();
        await foreach (var page in client.EnumerateRawPagesAsync("jobPosting.list", new AshbyRawPageRequest { Parameters = new JsonObject { ["includeUnpublishedJobPostings"] = true }, ItemsPerPage = 100 }, TestClient.Ct))
        {
            using (page)
            {
                pages.Add(([.. page.Results.EnumerateArray().Select(r => Encoding.UTF8.GetString(JsonMarshal.GetRawUtf8Value(r)))], page.IsLastPage, page.NextCursor));
            }
        }

        pages.Select(p => p.Items.Count).ShouldBe([100, 100, 50]);
        pages.Select(p => p.Last).ShouldBe([false, false, true]);
        pages.ShouldAllBe(p => p.Cursor == null);
        pages.SelectMany(p => p.Items).ShouldBe(rows);
        server.Requests.Single().Body.ShouldBe("""{"includeUnpublishedJobPostings":true}"""); // no limit: the endpoint has no paging
    }

    [Theory]
    [InlineData("{\"success\":true,\"results\":[]}")]
    [InlineData("{\"success\":true}")]
    public async Task A_one_call_answer_without_items_is_one_empty_last_page(string body)
    {
        await using var server = await ScriptedAshbyServer.StartAsync();
        server.Enqueue(new ScriptedResponse(200, body));
        using var client = TestClient.Create(server);

        var pages = new List<(int Count, bool Last)>();
        await foreach (var page in client.EnumerateRawPagesAsync("source.list", new AshbyRawPageRequest { ItemsPerPage = 100 }, TestClient.Ct))
        {
            using (page) pages.Add((page.Results.GetArrayLength(), page.IsLastPage));
        }

        pages.ShouldBe([(0, true)]);
    }

    [Fact]
    public async Task Results_that_are_not_an_array_are_refused()
    {
        await using var server = await ScriptedAshbyServer.StartAsync();
        server.Enqueue(new ScriptedResponse(200, """{"success":true,"results":{"id":"x"}}"""));
        using var client = TestClient.Create(server);

        await Should.ThrowAsync<AshbyApiException>(async () =>
        {
            await foreach (var page in client.EnumerateRawPagesAsync("candidate.list", cancellationToken: TestClient.Ct)) page.Dispose();
        });
    }

    [Fact]
    public void A_test_double_can_build_a_page_over_an_array()
    {
        using var page = new AshbyRawPage("""[{"id":"a"}]"""u8.ToArray(), moreDataAvailable: false, nextCursor: null, syncToken: "t");

        page.Results.GetArrayLength().ShouldBe(1);
        page.SyncToken.ShouldBe("t");
        Should.Throw<ArgumentException>(() => new AshbyRawPage("""{"id":"a"}"""u8.ToArray(), false, null, null));
    }
}
