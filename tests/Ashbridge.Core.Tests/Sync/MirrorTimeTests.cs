using System.Text.Json;
using Ashbridge.Core.Mirror;

namespace Ashbridge.Core.Tests.Sync;

/// <summary>How a row's times become the mirror's Unix milliseconds.</summary>
public sealed class MirrorTimeTests
{
    [Theory]
    [InlineData("\"2025-10-12T08:02:42.840Z\"", 1760256162840L)] // as Ashby sends them
    [InlineData("\"2025-10-12T08:02:42Z\"", 1760256162000L)]
    [InlineData("\"2025-10-12T10:02:42.840+02:00\"", 1760256162840L)] // an offset is honoured
    [InlineData("\"2025-10-12T08:02:42.840\"", 1760256162840L)] // no zone is taken as UTC, not as this machine's time
    [InlineData("\"2025-10-12\"", 1760227200000L)]
    [InlineData("\"not a time\"", null)]
    [InlineData("1760256162840", null)]
    [InlineData("null", null)]
    public void A_time_is_read_as_utc_milliseconds(string json, long? expected)
    {
        using var row = JsonDocument.Parse($$"""{"updatedAt":{{json}}}""");
        MirrorStreams.ReadTime(row.RootElement, "updatedAt").ShouldBe(expected);
    }

    [Fact]
    public void A_row_without_the_time_has_none()
    {
        using var row = JsonDocument.Parse("""{"id":"x"}""");
        MirrorStreams.ReadTime(row.RootElement, "updatedAt").ShouldBeNull();
    }
}
