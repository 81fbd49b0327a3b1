using System.Text.Json;
using System.Text.Json.Nodes;

namespace Ashbridge.Core.Mirror;

/// <summary>The SQL type of a typed mirror column.</summary>
public enum MirrorColumnType
{
    /// <summary>Text.</summary>
    Text,

    /// <summary>A time as Unix milliseconds (a 64-bit integer).</summary>
    Time,

    /// <summary>A 32-bit integer.</summary>
    Number,

    /// <summary>A boolean.</summary>
    Boolean,
}

/// <summary>A typed column read out of each row's JSON, for the features to filter and join on.</summary>
/// <param name="Name">The column's name in the table.</param>
/// <param name="Type">Its SQL type.</param>
/// <param name="Read">Reads the value from the row's JSON; <see langword="null"/> when absent.</param>
public sealed record MirrorColumn(string Name, MirrorColumnType Type, Func<JsonElement, object?> Read);

/// <summary>How a stream's rows are fetched.</summary>
public enum MirrorFetch
{
    /// <summary>A paginated list: <c>cursor</c> pages, and <c>syncToken</c> when <see cref="StreamDefinition.HasSyncToken"/>.</summary>
    Paged,

    /// <summary>One call returns everything.</summary>
    OneCall,

    /// <summary><c>interviewStage.list</c> once per interview plan from <c>interviewPlan.list</c>.</summary>
    PerInterviewPlan,
}

/// <summary>One Ashby object type the mirror keeps: where it comes from, the table it lands in, its typed columns.</summary>
/// <param name="Name">The stream's name, e.g. <c>candidates</c>.</param>
/// <param name="Table">The mirror table.</param>
/// <param name="Endpoint">The list endpoint.</param>
/// <param name="Permission">The Ashby permission the endpoint needs.</param>
/// <param name="HasSyncToken">Whether incremental passes by <c>syncToken</c> are possible; if not, every pass re-reads and diffs.</param>
/// <param name="Fetch">How pages are fetched.</param>
/// <param name="ListParameters">Fixed body fields that make the list complete (archived rows, drafts, deactivated users).</param>
/// <param name="Columns">The typed columns beside the raw JSON.</param>
public sealed record StreamDefinition(
    string Name,
    string Table,
    string Endpoint,
    string Permission,
    bool HasSyncToken,
    MirrorFetch Fetch,
    string ListParameters,
    IReadOnlyList<MirrorColumn> Columns)
{
    /// <summary>A fresh copy of <see cref="ListParameters"/> to add a cursor or token to.</summary>
    public JsonObject NewRequestBody() => (JsonObject)JsonNode.Parse(ListParameters)!;

    /// <inheritdoc />
    public override string ToString() => Name;
}
