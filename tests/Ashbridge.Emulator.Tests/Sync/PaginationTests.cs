using System.Buffers.Text;

namespace Ashbridge.Emulator.Tests.Sync;

public class PaginationTests(EmulatorFixture emulator) : IClassFixture<EmulatorFixture>
{
    [Theory]
    [InlineData("candidate.list", 37)]
    [InlineData("application.list", 23)]
    [InlineData("user.list", 4)]
    [InlineData("offer.list", 9)]
    public async Task Paging_with_a_small_limit_yields_every_row_once_in_the_same_order_as_big_pages(string endpoint, int limit)
    {
        var small = (await emulator.ReadAllAsync(endpoint, limit: limit)).Rows.Select(r => r["id"]!.GetValue<string>()).ToList();
        var big = (await emulator.ReadAllAsync(endpoint, limit: 100)).Rows.Select(r => r["id"]!.GetValue<string>()).ToList();
        small.Count.ShouldBeGreaterThan(limit);
        small.Distinct().Count().ShouldBe(small.Count);
        small.ShouldBe(big);
    }

    [Fact]
    public async Task Pages_are_full_until_the_last_which_carries_the_sync_token_and_no_cursor()
    {
        var first = await emulator.CallAsync("candidate.list", """{"limit":60}""");
        first.Results.Count.ShouldBe(60);
        first.Body["moreDataAvailable"]!.GetValue<bool>().ShouldBeTrue();
        first.Body["syncToken"].ShouldBeNull();
        var cursor = first.Body["nextCursor"]!.GetValue<string>();
        for (var i = 0; i < 10; i++)
        {
            var next = await emulator.CallAsync("candidate.list", $$"""{"limit":60,"cursor":"{{cursor}}"}""");
            if (!next.Body["moreDataAvailable"]!.GetValue<bool>())
            {
                next.Body["nextCursor"].ShouldBeNull();
                next.Body["syncToken"]!.GetValue<string>().ShouldNotBeEmpty();
                return;
            }

            next.Results.Count.ShouldBe(60);
            cursor = next.Body["nextCursor"]!.GetValue<string>();
        }

        Assert.Fail("the pass never ended");
    }

    [Fact]
    public async Task Candidates_are_served_in_added_at_order()
    {
        var created = (await emulator.ReadAllAsync("candidate.list")).Rows.Select(r => r["createdAt"]!.GetValue<string>()).ToList();
        created.ShouldBe(created.Order(StringComparer.Ordinal).ToList());
    }

    [Theory]
    [InlineData("garbage")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    public async Task A_garbage_cursor_is_invalid_next_cursor(string cursor)
    {
        (await emulator.CallAsync("candidate.list", $$"""{"cursor":"{{cursor}}"}""")).ErrorCode.ShouldBe("invalid_next_cursor");
    }

    [Fact]
    public async Task A_tampered_cursor_or_one_from_another_endpoint_is_invalid_next_cursor()
    {
        var cursor = (await emulator.CallAsync("candidate.list", """{"limit":5}""")).Body["nextCursor"]!.GetValue<string>();
        var bytes = Base64Url.DecodeFromChars(cursor);
        bytes[^20] ^= 1;
        (await emulator.CallAsync("candidate.list", $$"""{"cursor":"{{Base64Url.EncodeToString(bytes)}}"}""")).ErrorCode.ShouldBe("invalid_next_cursor");
        (await emulator.CallAsync("application.list", $$"""{"cursor":"{{cursor}}"}""")).ErrorCode.ShouldBe("invalid_next_cursor");
        (await emulator.CallAsync("candidate.list", $$"""{"syncToken":"{{cursor}}"}""")).ErrorCode.ShouldBe("sync_token_invalid");
    }

    [Fact]
    public async Task A_garbage_sync_token_is_sync_token_invalid()
    {
        (await emulator.CallAsync("candidate.list", """{"syncToken":"not-a-token"}""")).ErrorCode.ShouldBe("sync_token_invalid");
    }
}
