using System.Text.Json.Nodes;

namespace Ashbridge.Core.Mirror;

/// <summary>
/// Takes compensation out of a mirrored Ashby object for people who may not see it (viewers; see the hub's access
/// model): offers' salaries, jobs' and postings' compensation tiers, and custom-field values that are private, money
/// (<c>{ value, currencyCode }</c>) or a compensation range. An offer's custom fields are all about the offer, so they go.
/// </summary>
public static class CompensationFilter
{
    private static readonly HashSet<string> CompensationProperties = new(StringComparer.Ordinal)
    {
        AshbyFields.Salary, AshbyFields.Compensation, AshbyFields.CompensationTiers, AshbyFields.CompensationTierSummary, AshbyFields.SummaryComponents,
    };

    /// <summary>Removes compensation from <paramref name="node"/> in place; returns it.</summary>
    public static JsonNode? Redact(string stream, JsonNode? node)
    {
        Walk(node, stream == MirrorStreams.Offers.Name);
        return node;
    }

    private static void Walk(JsonNode? node, bool offer)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var name in obj.Select(p => p.Key).ToList())
                {
                    if (CompensationProperties.Contains(name) || (offer && name == AshbyFields.CustomFields))
                    {
                        obj.Remove(name);
                    }
                    else if (name == AshbyFields.CustomFields && obj[name] is JsonArray fields)
                    {
                        for (var i = fields.Count - 1; i >= 0; i--)
                        {
                            if (IsCompensation(fields[i])) fields.RemoveAt(i);
                        }
                    }
                    else
                    {
                        Walk(obj[name], offer);
                    }
                }

                break;
            case JsonArray array:
                foreach (var item in array) Walk(item, offer);
                break;
        }
    }

    private static bool IsCompensation(JsonNode? field) =>
        field is JsonObject f && (
            (f[AshbyFields.IsPrivate] is JsonValue p && p.TryGetValue<bool>(out var isPrivate) && isPrivate)
            || (f[AshbyFields.Value] is JsonObject value && (value.ContainsKey(AshbyFields.CurrencyCode) || (value[AshbyFields.Type] is JsonValue t && t.TryGetValue<string>(out var type) && type == "compensation-range"))));
}
