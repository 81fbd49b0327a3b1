using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Ashbridge.Ashby;

/// <summary>
/// A custom field value embedded in an object (<c>customFields[]</c>). <see cref="Value"/> is polymorphic and the
/// field type is not sent (join to <c>customField.list</c> by <see cref="Id"/>), so the value stays a
/// <see cref="JsonElement"/> with typed accessors.
/// </summary>
public sealed class CustomFieldValue
{
    /// <summary>The field definition id.</summary>
    [JsonPropertyName("id")]
    public required string Id { get; init; }

    /// <summary>Whether the field is private.</summary>
    [JsonPropertyName("isPrivate")]
    public bool? IsPrivate { get; init; }

    /// <summary>The field title.</summary>
    [JsonPropertyName("title")]
    public required string Title { get; init; }

    /// <summary>The raw value (string, number, boolean, string array, or an object for currency and ranges).</summary>
    [JsonPropertyName("value")]
    public JsonElement? Value { get; init; }

    /// <summary>The option label(s) of select fields: a string (ValueSelect) or a string array (MultiValueSelect).</summary>
    [JsonPropertyName("valueLabel")]
    public JsonElement? ValueLabel { get; init; }

    /// <summary>Fields this model does not declare, kept so they survive a round trip.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }

    /// <summary>Whether the value is absent or JSON null.</summary>
    [JsonIgnore]
    public bool IsEmpty => Value is not { } v || v.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined;

    /// <summary>Reads a String, LongText or ValueSelect value.</summary>
    /// <param name="value">The string.</param>
    /// <returns>Whether the value is a string.</returns>
    public bool TryGetString([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? value)
    {
        value = Value is { ValueKind: JsonValueKind.String } v ? v.GetString() : null;
        return value is not null;
    }

    /// <summary>Reads a Number value.</summary>
    /// <param name="value">The number.</param>
    /// <returns>Whether the value is a number.</returns>
    public bool TryGetNumber(out decimal value)
    {
        value = 0;
        return Value is { ValueKind: JsonValueKind.Number } v && v.TryGetDecimal(out value);
    }

    /// <summary>Reads a Boolean value.</summary>
    /// <param name="value">The boolean.</param>
    /// <returns>Whether the value is a boolean.</returns>
    public bool TryGetBoolean(out bool value)
    {
        value = Value is { ValueKind: JsonValueKind.True };
        return Value is { ValueKind: JsonValueKind.True or JsonValueKind.False };
    }

    /// <summary>Reads a Date value (an ISO-8601 date-time string).</summary>
    /// <param name="value">The date-time.</param>
    /// <returns>Whether the value is a date-time string.</returns>
    public bool TryGetDate(out DateTimeOffset value)
    {
        value = default;
        return Value is { ValueKind: JsonValueKind.String } v
            && DateTimeOffset.TryParse(v.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out value);
    }

    /// <summary>Reads a Date value as a calendar date (its UTC date).</summary>
    /// <param name="value">The date.</param>
    /// <returns>Whether the value is a date-time string.</returns>
    public bool TryGetDateOnly(out DateOnly value)
    {
        value = default;
        if (!TryGetDate(out var dt))
        {
            return false;
        }

        value = DateOnly.FromDateTime(dt.UtcDateTime);
        return true;
    }

    /// <summary>Reads a MultiValueSelect value.</summary>
    /// <param name="values">The selected option values.</param>
    /// <returns>Whether the value is an array of strings.</returns>
    public bool TryGetStrings([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out IReadOnlyList<string>? values)
    {
        values = null;
        if (Value is not { ValueKind: JsonValueKind.Array } v)
        {
            return false;
        }

        var list = new List<string>();
        foreach (var item in v.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.String)
            {
                return false;
            }

            list.Add(item.GetString()!);
        }

        values = list;
        return true;
    }

    /// <summary>Reads a Currency value (<c>{value, currencyCode}</c>).</summary>
    /// <param name="amount">The amount.</param>
    /// <returns>Whether the value is a currency object.</returns>
    public bool TryGetCurrency([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out CurrencyAmount? amount)
    {
        amount = null;
        if (Value is { ValueKind: JsonValueKind.Object } v
            && v.TryGetProperty("currencyCode", out var code) && code.ValueKind == JsonValueKind.String
            && v.TryGetProperty("value", out var n) && n.ValueKind == JsonValueKind.Number && n.TryGetDecimal(out var number))
        {
            amount = new CurrencyAmount { CurrencyCode = code.GetString()!, Value = number };
        }

        return amount is not null;
    }

    /// <summary>Reads a NumberRange or CompensationRange value.</summary>
    /// <param name="range">The range.</param>
    /// <returns>Whether the value is a range object.</returns>
    public bool TryGetRange([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out CustomFieldRange? range)
    {
        range = null;
        if (Value is not { ValueKind: JsonValueKind.Object } v || !v.TryGetProperty("type", out var type) || type.ValueKind != JsonValueKind.String)
        {
            return false;
        }

        range = new CustomFieldRange(
            type.GetString()!,
            ReadDecimal(v, "minValue"),
            ReadDecimal(v, "maxValue"),
            v.TryGetProperty("currencyCode", out var c) && c.ValueKind == JsonValueKind.String ? c.GetString() : null,
            v.TryGetProperty("interval", out var i) && i.ValueKind == JsonValueKind.String ? i.GetString() : null);
        return true;
    }

    /// <summary>The option label(s) of a select field as a list (empty for other fields).</summary>
    /// <returns>The labels.</returns>
    public IReadOnlyList<string> GetValueLabels() => ValueLabel switch
    {
        { ValueKind: JsonValueKind.String } s => [s.GetString()!],
        { ValueKind: JsonValueKind.Array } a => [.. a.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!)],
        _ => [],
    };

    private static decimal? ReadDecimal(JsonElement obj, string name) =>
        obj.TryGetProperty(name, out var n) && n.ValueKind == JsonValueKind.Number && n.TryGetDecimal(out var d) ? d : null;
}
