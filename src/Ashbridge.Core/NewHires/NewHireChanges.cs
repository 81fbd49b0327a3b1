using System.Text.Json;

namespace Ashbridge.Core.NewHires;

/// <summary>What Ashby changed in a pending new hire since the reviewer last saved: one entry per field, first value to latest.</summary>
internal static class NewHireChanges
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static List<FieldChange> Read(string? json) =>
        string.IsNullOrEmpty(json) ? [] : JsonSerializer.Deserialize<List<FieldChange>>(json, Json) ?? [];

    public static string? Write(IReadOnlyList<FieldChange> changes) => changes.Count == 0 ? null : JsonSerializer.Serialize(changes, Json);

    /// <summary>Adds the differences between two imports to the recorded ones; a field changed back drops out.</summary>
    public static List<FieldChange> Merge(List<FieldChange> recorded, IReadOnlyDictionary<string, string> before, IReadOnlyDictionary<string, string> after, DateTimeOffset at)
    {
        var byField = recorded.ToDictionary(c => c.Field, StringComparer.Ordinal);
        foreach (var field in before.Keys.Union(after.Keys, StringComparer.Ordinal))
        {
            var old = before.GetValueOrDefault(field);
            var now = after.GetValueOrDefault(field);
            if (old == now) continue;
            var first = byField.TryGetValue(field, out var earlier) ? earlier.Before : old;
            if (first == now) byField.Remove(field);
            else byField[field] = new FieldChange(field, first, now, at);
        }

        return [.. byField.Values.OrderBy(c => c.Field, StringComparer.Ordinal)];
    }
}
