using System.Globalization;
using System.Text.Json;
using Ashbridge.Core.Mirror;

namespace Ashbridge.Core.NewHires;

/// <summary>
/// Type-aware conversion of an Ashby custom field value (embedded values carry no type: a string, number, boolean,
/// select label(s), a currency <c>{ currencyCode, value }</c> or a range) into a member field's text.
/// </summary>
public static class CustomFieldValues
{
    /// <summary>Reads the value of custom field <paramref name="fieldId"/> from an object's <c>customFields</c>; <see langword="null"/> when absent.</summary>
    public static JsonElement? Find(JsonElement? owner, string fieldId)
    {
        if (owner is not { ValueKind: JsonValueKind.Object } o || !o.TryGetProperty(AshbyFields.CustomFields, out var fields) || fields.ValueKind != JsonValueKind.Array) return null;
        foreach (var field in fields.EnumerateArray())
        {
            if (field.TryGetProperty(AshbyFields.Id, out var id) && id.ValueKind == JsonValueKind.String && id.GetString() == fieldId)
            {
                return field;
            }
        }

        return null;
    }

    /// <summary>The field's title as Ashby embeds it, for messages.</summary>
    public static string Title(JsonElement field, string fallback) =>
        field.TryGetProperty(AshbyFields.Title, out var t) && t.ValueKind == JsonValueKind.String ? t.GetString()! : fallback;

    /// <summary>Converts an embedded value; returns the text, or an error saying why it does not fit.</summary>
    /// <param name="field">The embedded <c>{ id, title, value, valueLabel? }</c>.</param>
    /// <param name="type">The member field's type.</param>
    /// <param name="defaultCurrency">For a plain number going into money (the offer's salary currency).</param>
    public static (string? Value, string? Error) Convert(JsonElement field, MemberFieldType type, string? defaultCurrency = null)
    {
        if (!field.TryGetProperty(AshbyFields.Value, out var value) || value.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined) return (null, null);
        var label = field.TryGetProperty("valueLabel", out var l) ? l : default;
        var shown = Describe(value, label);
        return type switch
        {
            MemberFieldType.Text => (shown, null),
            MemberFieldType.Number => value.ValueKind == JsonValueKind.Number ? (Number(value.GetDecimal()), null)
                : value.ValueKind == JsonValueKind.Object && value.TryGetProperty(AshbyFields.Value, out var amount) && amount.ValueKind == JsonValueKind.Number ? (Number(amount.GetDecimal()), null)
                : value.ValueKind == JsonValueKind.String && decimal.TryParse(value.GetString(), NumberStyles.Number, CultureInfo.InvariantCulture, out var parsed) ? (Number(parsed), null)
                : (null, $"is '{shown}', which is not a number"),
            MemberFieldType.Date => value.ValueKind == JsonValueKind.String && DateTimeOffset.TryParse(value.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date)
                ? (date.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), null)
                : (null, $"is '{shown}', which is not a date"),
            MemberFieldType.Boolean => value.ValueKind is JsonValueKind.True or JsonValueKind.False ? (value.GetBoolean() ? "true" : "false", null)
                : value.ValueKind == JsonValueKind.String && bool.TryParse(value.GetString(), out var flag) ? (flag ? "true" : "false", null)
                : (null, $"is '{shown}', which is not yes or no"),
            MemberFieldType.Money => Money(value, shown, defaultCurrency),
            _ => (null, $"has an unknown member type {type}"),
        };
    }

    /// <summary>A money text: <c>"15000.00 USD"</c>.</summary>
    public static string MoneyText(decimal amount, string currency) => string.Create(CultureInfo.InvariantCulture, $"{amount:0.00} {currency}");

    private static (string?, string?) Money(JsonElement value, string shown, string? defaultCurrency)
    {
        if (value.ValueKind == JsonValueKind.Object
            && value.TryGetProperty(AshbyFields.Value, out var amount) && amount.ValueKind == JsonValueKind.Number
            && value.TryGetProperty(AshbyFields.CurrencyCode, out var currency) && currency.ValueKind == JsonValueKind.String)
        {
            return (MoneyText(amount.GetDecimal(), currency.GetString()!), null);
        }

        if (value.ValueKind == JsonValueKind.Number)
        {
            return defaultCurrency is null
                ? (null, $"is {shown} with no currency, and the hire has no offer salary to take one from")
                : (MoneyText(value.GetDecimal(), defaultCurrency), null);
        }

        return (null, $"is '{shown}', which is not an amount of money");
    }

    private static string Number(decimal value) => value.ToString("0.############", CultureInfo.InvariantCulture);

    private static string Describe(JsonElement value, JsonElement label)
    {
        if (label.ValueKind == JsonValueKind.String) return label.GetString()!;
        if (label.ValueKind == JsonValueKind.Array) return string.Join(", ", label.EnumerateArray().Select(x => x.ToString()));
        return value.ValueKind switch
        {
            JsonValueKind.String => value.GetString()!,
            JsonValueKind.True => "true",
            JsonValueKind.False => "false",
            JsonValueKind.Number => Number(value.GetDecimal()),
            JsonValueKind.Array => string.Join(", ", value.EnumerateArray().Select(x => x.ToString())),
            JsonValueKind.Object when value.TryGetProperty(AshbyFields.CurrencyCode, out var c) && value.TryGetProperty(AshbyFields.Value, out var v) && v.ValueKind == JsonValueKind.Number
                => MoneyText(v.GetDecimal(), c.ToString()),
            JsonValueKind.Object when value.TryGetProperty("min", out var min) && value.TryGetProperty("max", out var max) => $"{min}–{max}",
            _ => value.GetRawText(),
        };
    }
}
