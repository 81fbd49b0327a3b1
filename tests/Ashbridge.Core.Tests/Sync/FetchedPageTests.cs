using System.Runtime.InteropServices;
using System.Text;
using Ashbridge.Ashby;
using Ashbridge.Core.Mirror;
using Ashbridge.Core.Sync;

namespace Ashbridge.Core.Tests.Sync;

/// <summary>How a page of the client's stream becomes mirror rows.</summary>
public sealed class FetchedPageTests
{
    [Fact]
    public void A_pages_rows_are_slices_of_its_bytes_with_their_typed_columns_and_paging()
    {
        var rows = Enumerable.Range(0, 3).Select(i => $$"""{"id":"posting-{{i}}","jobId":"job-{{i}}","title":"Engineer, [{{i}}]","updatedAt":"2026-01-0{{i + 1}}T00:00:00Z"}""").ToList();
        var bytes = Encoding.UTF8.GetBytes("[" + string.Join(", ", rows) + "]");
        using var page = new AshbyRawPage(bytes, moreDataAvailable: true, nextCursor: "c2", syncToken: null);

        var fetched = FetchedPage.Read(MirrorStreams.JobPostings, page);

        fetched.Rows.Select(r => r.Id).ShouldBe(["posting-0", "posting-1", "posting-2"]);
        fetched.Rows.Select(r => Encoding.UTF8.GetString(r.RawJson.Span)).ShouldBe(rows);
        fetched.Rows.All(r => MemoryMarshal.TryGetArray(r.RawJson, out var segment) && segment.Array == bytes).ShouldBeTrue(); // no copy
        fetched.Rows[1].Values.ShouldContain("job-1");
        fetched.Rows[1].UpdatedMs.ShouldBe(new DateTimeOffset(2026, 1, 2, 0, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds());
        (fetched.IsLast, fetched.NextCursor, fetched.SyncToken).ShouldBe((false, "c2", null));
    }

    [Fact]
    public void A_page_that_repeats_an_id_keeps_its_last_copy()
    {
        using var page = new AshbyRawPage("""[{"id":"a","title":"old"},{"id":"b"},{"id":"a","title":"new"}]"""u8.ToArray(), false, null, "tok");

        var fetched = FetchedPage.Read(MirrorStreams.JobPostings, page);

        fetched.Rows.Select(r => Encoding.UTF8.GetString(r.RawJson.Span)).ShouldBe(["""{"id":"a","title":"new"}""", """{"id":"b"}"""]);
        (fetched.IsLast, fetched.SyncToken).ShouldBe((true, "tok"));
    }

    [Fact]
    public void A_row_without_an_id_is_refused()
    {
        using var page = new AshbyRawPage("""[{"id":"a"},{"title":"no id"}]"""u8.ToArray(), false, null, null);

        Should.Throw<InvalidDataException>(() => FetchedPage.Read(MirrorStreams.JobPostings, page)).Message.ShouldContain("without an id");
    }

    [Fact]
    public void A_stream_read_in_one_call_asks_for_pages_cut_from_its_answer_and_a_paged_one_for_pages_from_its_cursor()
    {
        var oneCall = PageFeed.RequestFor(MirrorStreams.JobPostings, cursor: "ignored", syncToken: "ignored");
        (oneCall.ItemsPerPage, oneCall.Limit, oneCall.Cursor, oneCall.SyncToken).ShouldBe((PageFeed.PageSize, null, null, null));

        var paged = PageFeed.RequestFor(MirrorStreams.Candidates, cursor: "c7", syncToken: "tok");
        (paged.ItemsPerPage, paged.Limit, paged.Cursor, paged.SyncToken).ShouldBe((null, PageFeed.PageSize, "c7", "tok"));
    }
}
