using System.Text.Json.Serialization;

namespace Ashbridge.Ashby;

/// <summary>The paging parameters every paginated Ashby list accepts.</summary>
public abstract class AshbyListRequest
{
    /// <summary>The largest page Ashby serves (also its default).</summary>
    public const int MaxLimit = 100;

    /// <summary>The page size, 1–100 (Ashby's default and maximum is 100).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is outside 1–100.</exception>
    [JsonPropertyName("limit")]
    public int? Limit
    {
        get;
        init
        {
            if (value is < 1 or > MaxLimit)
            {
                throw new ArgumentOutOfRangeException(nameof(Limit), value, "Ashby pages hold at most 100 items; use a limit between 1 and 100.");
            }

            field = value;
        }
    }

    /// <summary>The cursor of the page to fetch (usually set by the enumerators).</summary>
    [JsonPropertyName("cursor")]
    public string? Cursor { get; init; }

    /// <summary>A stored sync token; when set the pass is incremental (only records changed since the token).</summary>
    [JsonPropertyName("syncToken")]
    public string? SyncToken { get; init; }
}
