using System.Text.Json;

namespace Ashbridge.Ashby;

/// <summary>A successful envelope, detached from its buffer.</summary>
internal sealed class AshbyEnvelope
{
    public required JsonElement Root { get; init; }
    public required byte[] Body { get; init; }

    public JsonElement Results => Root.TryGetProperty("results", out var r) ? r : default;

    public bool MoreDataAvailable =>
        Root.TryGetProperty("moreDataAvailable", out var m) && m.ValueKind == JsonValueKind.True;

    public string? NextCursor => GetString("nextCursor");

    public string? SyncToken => GetString("syncToken");

    public IReadOnlyList<string> Warnings
    {
        get
        {
            if (!Root.TryGetProperty("warnings", out var w) || w.ValueKind != JsonValueKind.Array)
            {
                return [];
            }

            var list = new List<string>();
            foreach (var item in w.EnumerateArray())
            {
                list.Add(item.ValueKind == JsonValueKind.String ? item.GetString()! : item.GetRawText());
            }

            return list;
        }
    }

    private string? GetString(string name) =>
        Root.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
