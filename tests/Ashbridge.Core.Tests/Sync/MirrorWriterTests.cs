using Ashbridge.Core.Sync;

namespace Ashbridge.Core.Tests.Sync;

public class MirrorWriterTests
{
    [Fact]
    public void Typed_values_read_from_json_equal_those_sqlite_stored_whatever_their_clr_type()
    {
        // SQLite hands integers, times and booleans back as longs; the JSON reader makes ints, longs and bools.
        MirrorWriter.SameValues([1L, 42L, 1_700_000_000_000L, "Ada", null], [true, 42, 1_700_000_000_000L, "Ada", null]).ShouldBeTrue();
        MirrorWriter.SameValues([0L], [false]).ShouldBeTrue();
        MirrorWriter.SameValues([0L], [true]).ShouldBeFalse();
        MirrorWriter.SameValues(["ada"], ["Ada"]).ShouldBeFalse();
        MirrorWriter.SameValues([null], [""]).ShouldBeFalse();
        MirrorWriter.SameValues(["x"], [null]).ShouldBeFalse();
        MirrorWriter.SameValues([41L], [42]).ShouldBeFalse();
    }
}
