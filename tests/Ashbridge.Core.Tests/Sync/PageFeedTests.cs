using System.Text;
using Ashbridge.Core.Mirror;
using Ashbridge.Core.Sync;

namespace Ashbridge.Core.Tests.Sync;

/// <summary>How a stream read in one call is cut into pages.</summary>
public sealed class PageFeedTests
{
    [Fact]
    public void A_one_call_answer_comes_a_hundred_rows_to_a_page_each_row_its_json_as_sent()
    {
        // Rows as Ashby might lay them out: spaces and new lines between them, commas and brackets inside strings,
        // nested objects and arrays, and a property after the results.
        var rows = Enumerable.Range(0, 250).Select(i =>
            $$"""{"id":"posting-{{i:D3}}","jobId":"job-{{i % 7}}","title":"Engineer, [{{i}}] {x}","isListed":{{(i % 2 == 0 ? "true" : "false")}},"tags":[{"a":[1,2]},"b,c"]}""").ToList();
        var envelope = Encoding.UTF8.GetBytes("{\"success\": true,\n \"results\": [\n  " + string.Join(",\n  ", rows) + "\n ], \"moreDataAvailable\": false}");

        var pages = PageFeed.PagesOf(MirrorStreams.JobPostings, envelope).ToList();

        pages.Select(p => p.Rows.Count).ShouldBe([100, 100, 50]);
        pages.Select(p => p.IsLast).ShouldBe([false, false, true]);
        pages.ShouldAllBe(p => p.NextCursor == null && p.SyncToken == null);
        var read = pages.SelectMany(p => p.Rows).ToList();
        read.Select(r => r.Id).ShouldBe(Enumerable.Range(0, 250).Select(i => $"posting-{i:D3}"));
        read.Select(r => Encoding.UTF8.GetString(r.RawJson.Span)).ShouldBe(rows);
        read[3].Values.ShouldContain("job-3"); // the typed columns are read too
    }

    [Theory]
    [InlineData("{\"success\":true,\"results\":[]}")]
    [InlineData("{\"success\":true}")]
    public void A_one_call_answer_without_rows_is_one_empty_last_page(string envelope)
    {
        var pages = PageFeed.PagesOf(MirrorStreams.JobPostings, Encoding.UTF8.GetBytes(envelope)).ToList();

        pages.Count.ShouldBe(1);
        pages[0].Rows.ShouldBeEmpty();
        pages[0].IsLast.ShouldBeTrue();
    }

    [Fact]
    public void A_row_without_an_id_is_refused()
    {
        var envelope = Encoding.UTF8.GetBytes("{\"success\":true,\"results\":[{\"id\":\"a\"},{\"title\":\"no id\"}]}");

        Should.Throw<InvalidDataException>(() => PageFeed.PagesOf(MirrorStreams.JobPostings, envelope).ToList()).Message.ShouldContain("without an id");
    }
}
