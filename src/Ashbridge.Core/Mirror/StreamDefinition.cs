using System.Text.Json.Nodes;

namespace Ashbridge.Core.Mirror;

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
