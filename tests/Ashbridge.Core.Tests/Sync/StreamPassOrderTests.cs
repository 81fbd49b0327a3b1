using System.Text;
using Ashbridge.Core.Sync;

namespace Ashbridge.Core.Tests.Sync;

/// <summary>How a group of fetched pages is handed to the writer.</summary>
public sealed class StreamPassOrderTests
{
    [Fact]
    public void A_group_is_written_in_id_order_with_the_later_pages_copy_of_an_id_that_moved_between_pages()
    {
        static MirrorRow Row(string id, string json) => new(id, Encoding.UTF8.GetBytes(json), json.Length, null, []);
        List<FetchedPage> pages =
        [
            new([Row("c1", "{\"v\":1}"), Row("a7", "{\"v\":1}"), Row("b2", "{\"v\":1}")], false, "cursor-1", null),
            new([Row("b2", "{\"v\":2}"), Row("0f", "{\"v\":1}")], false, "cursor-2", null),
        ];

        var rows = StreamPass.InKeyOrder(pages);

        rows.Select(r => r.Id).ShouldBe(["0f", "a7", "b2", "c1"]);
        Encoding.UTF8.GetString(rows.Single(r => r.Id == "b2").RawJson.Span).ShouldBe("{\"v\":2}");
    }
}
