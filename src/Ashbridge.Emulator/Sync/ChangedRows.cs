using System.Runtime.CompilerServices;
using Ashbridge.Emulator.Data;

namespace Ashbridge.Emulator.Sync;

/// <summary>
/// Where a list's rows changed since a sync token sit, found once for each incremental pass rather than on each of its
/// pages. Finding them reads every row of the list, and at 100k candidates that is about 10 ms of cache misses; each
/// page read them again (and the first page twice, to refuse a pass too deep), so an incremental page cost 10–20 ms
/// where a full pass's page costs under 1 ms. The positions are a list's as of one change sequence number: any change
/// in the organisation bumps it, and the next page finds them again.
/// </summary>
internal sealed class ChangedRows
{
    private readonly ConditionalWeakTable<object, Found> _found = new();

    /// <summary>The positions, in list order, of the rows not deleted whose last change came after <paramref name="sinceSeq"/>.</summary>
    public int[] Positions<T>(IReadOnlyList<T> rows, long sinceSeq, long orgSeq)
        where T : Row
    {
        if (_found.TryGetValue(rows, out var found) && found.SinceSeq == sinceSeq && found.OrgSeq == orgSeq && found.Count == rows.Count) return found.Positions;
        var positions = new List<int>();
        for (var i = 0; i < rows.Count; i++)
        {
            if (!rows[i].Deleted && rows[i].Seq > sinceSeq) positions.Add(i);
        }

        var result = positions.ToArray();
        _found.AddOrUpdate(rows, new Found(sinceSeq, orgSeq, rows.Count, result));
        return result;
    }

    private sealed record Found(long SinceSeq, long OrgSeq, int Count, int[] Positions);
}
