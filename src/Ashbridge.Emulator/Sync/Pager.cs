using System.Text.Json;
using Ashbridge.Emulator.Api;
using Ashbridge.Emulator.Data;

namespace Ashbridge.Emulator.Sync;

/// <summary>
/// Serves one page of a list endpoint with Ashby's paging and incremental sync rules:
/// <c>limit</c> defaults to 100 and is capped at 100; <c>cursor</c> resumes a pass; <c>syncToken</c> starts an
/// incremental pass returning rows changed (created or updated) after the token; the last page of every pass carries a
/// new <c>syncToken</c>. Rows are served in the list's stable (creation) order.
/// </summary>
internal static class Pager
{
    public const int MaxLimit = 100;

    /// <summary>
    /// Writes the page. <paramref name="include"/> decides visibility and filters; its second argument says whether the
    /// pass is incremental (where archived/deactivated rows are returned so a mirror sees the change).
    /// </summary>
    public static void List<T>(AshbyCall call, IReadOnlyList<T> rows, Func<T, bool, bool> include, Action<Utf8JsonWriter, T> write, bool syncable = true)
        where T : Row
    {
        if (!ReadLimit(call, out var limit)) return;
        if (!call.OptionalString("cursor", out var cursorText)) return;
        string? tokenText = null;
        if (syncable && !call.OptionalString("syncToken", out tokenText)) return;
        if (!Start(call, rows, include, limit, cursorText, tokenText, out var state)) return;

        var codec = call.Services.Tokens;
        var incremental = state.SinceSeq >= 0;
        bool Matches(T row) => !row.Deleted && (!incremental || row.Seq > state.SinceSeq) && include(row, incremental);

        // An incremental pass looks only where rows changed; a full one reads the list in order.
        var changed = incremental ? call.Services.ChangedRows.Positions(rows, state.SinceSeq, call.Org.Seq) : null;
        var w = call.BeginSuccess();
        w.WriteStartArray();
        var i = Math.Max(0, state.Position);
        var served = 0;
        if (changed is null)
        {
            for (; i < rows.Count && served < limit; i++)
            {
                if (!Matches(rows[i])) continue;
                write(w, rows[i]);
                served++;
            }
        }
        else
        {
            for (var k = FirstAtOrAfter(changed, i); served < limit; k++)
            {
                if (k == changed.Length)
                {
                    i = rows.Count;
                    break;
                }

                i = changed[k] + 1;
                if (!Matches(rows[changed[k]])) continue;
                write(w, rows[changed[k]]);
                served++;
            }
        }

        var more = false;
        if (changed is null)
        {
            for (var j = i; j < rows.Count && !more; j++) more = Matches(rows[j]);
        }
        else
        {
            for (var k = FirstAtOrAfter(changed, i); k < changed.Length && !more; k++) more = Matches(rows[changed[k]]);
        }

        w.WriteEndArray();
        w.WriteBoolean("moreDataAvailable", more);
        var now = call.NowMs;
        if (more)
        {
            w.WriteString("nextCursor", codec.Encode(state with { Position = i, PageNumber = state.PageNumber + 1, IssuedMs = now }));
        }
        else if (syncable)
        {
            w.WriteString("syncToken", codec.Encode(new PageToken(TokenKind.SyncToken, call.Endpoint, call.Org.TokenEpoch, now, 0, -1, state.SnapshotSeq, 0)));
        }

        call.EndSuccess();
    }

    /// <summary>Reads <c>limit</c>: absent → 100; above 100 → capped silently (as Ashby's guide says); below 1 or not an integer → the parameter error shape.</summary>
    public static bool ReadLimit(AshbyCall call, out int limit)
    {
        limit = MaxLimit;
        if (!call.OptionalLong("limit", out var value)) return false;
        if (value is < 1) return call.FailParameter("limit", "limit must be an integer between 1 and 100");
        limit = (int)Math.Min(value ?? MaxLimit, MaxLimit);
        return true;
    }

    private static bool Start<T>(AshbyCall call, IReadOnlyList<T> rows, Func<T, bool, bool> include, int limit, string? cursorText, string? tokenText, out PageToken state)
        where T : Row
    {
        var org = call.Org;
        var options = call.Services.Options;
        var now = call.NowMs;
        state = default;
        if (cursorText is not null)
        {
            // The cursor alone identifies the pass; a syncToken sent alongside it is accepted and ignored.
            if (call.Services.Tokens.Decode(cursorText, TokenKind.Cursor, call.Endpoint) is not { } cursor)
            {
                return call.Fail(ErrorCodes.InvalidNextCursor, "The cursor is not one this endpoint issued. Restart the pass without a cursor.");
            }

            if (cursor.Epoch != org.TokenEpoch || now - cursor.IssuedMs > (long)options.CursorLifetime.TotalMilliseconds)
            {
                return call.Fail(ErrorCodes.NextCursorExpired, "The cursor has expired. Restart the pass from the first page (with your last syncToken, if any).");
            }

            if (cursor.SinceSeq >= 0 && cursor.PageNumber > options.IncrementalPageCap)
            {
                return call.Fail(ErrorCodes.IncrementalSyncTooLarge, TooLarge(options.IncrementalPageCap));
            }

            state = cursor;
            return true;
        }

        if (tokenText is not null)
        {
            if (call.Services.Tokens.Decode(tokenText, TokenKind.SyncToken, call.Endpoint) is not { } token)
            {
                return call.Fail(ErrorCodes.SyncTokenInvalid, "The syncToken is not one this endpoint issued. Drop it and run a full sync.");
            }

            if (token.Epoch != org.TokenEpoch || now - token.IssuedMs > (long)options.SyncTokenLifetime.TotalMilliseconds)
            {
                return call.Fail(ErrorCodes.SyncTokenExpired, "The syncToken has expired. Drop it and run a full sync to get a new one.");
            }

            // Refuse a pass that would span more pages than the cap up front, as Ashby does, rather than failing half-way.
            var changed = 0;
            foreach (var position in call.Services.ChangedRows.Positions(rows, token.SnapshotSeq, org.Seq))
            {
                if (include(rows[position], true)) changed++;
            }

            if ((changed + limit - 1) / limit > options.IncrementalPageCap)
            {
                return call.Fail(ErrorCodes.IncrementalSyncTooLarge, TooLarge(options.IncrementalPageCap));
            }

            state = new PageToken(TokenKind.Cursor, call.Endpoint, org.TokenEpoch, now, 0, token.SnapshotSeq, org.Seq, 1);
            return true;
        }

        state = new PageToken(TokenKind.Cursor, call.Endpoint, org.TokenEpoch, now, 0, -1, org.Seq, 1);
        return true;
    }

    /// <summary>The index of the first position at or after <paramref name="position"/>, or the array's length.</summary>
    private static int FirstAtOrAfter(int[] positions, int position)
    {
        var k = Array.BinarySearch(positions, position);
        return k >= 0 ? k : ~k;
    }

    private static string TooLarge(int cap) =>
        $"Too many changes since this syncToken: the incremental pass would exceed {cap} pages. Drop the token and run a full sync.";
}
