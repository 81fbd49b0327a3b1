using System.Globalization;
using System.Text.Json;
using Ashbridge.Core.Mirror;

namespace Ashbridge.Core.Exports;

/// <summary>
/// Converts an Ashby custom field value by the field's type (an embedded value carries no type of its own): a value that
/// does not fit gives no cell and a reason, for the run's report.
/// </summary>
public static class ExportValues
{
    /// <summary>The cell for a field embedded as <c>{ id, title, value, valueLabel? }</c>: a string, decimal, bool or string[]; or an error.</summary>
    public static (object? Value, string? Error) Convert(JsonElement field, string fieldType)
    {
        if (!field.TryGetProperty(AshbyFields.Value, out var value) || value.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined) return (null, null);
        var label = field.TryGetProperty("valueLabel", out var l) ? l : default;
        switch (fieldType)
        {
            case "Number":
                if (value.ValueKind == JsonValueKind.Number && value.TryGetDecimal(out var number)) return (number, null);
                if (value.ValueKind == JsonValueKind.String && decimal.TryParse(value.GetString(), NumberStyles.Number, CultureInfo.InvariantCulture, out var parsed)) return (parsed, null);
                return (null, $"{Shown(value)} is not a number");
            case "Date":
                return value.ValueKind == JsonValueKind.String && DateTimeOffset.TryParse(value.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date)
                    ? (IsoDate(date), null)
                    : (null, $"{Shown(value)} is not a date");
            case "Boolean":
                if (value.ValueKind is JsonValueKind.True or JsonValueKind.False) return (value.GetBoolean(), null);
                return value.ValueKind == JsonValueKind.String && bool.TryParse(value.GetString(), out var flag) ? (flag, null) : (null, $"{Shown(value)} is not true or false");
            case "Currency":
                return value.ValueKind == JsonValueKind.Object
                    && value.TryGetProperty(AshbyFields.Value, out var amount) && amount.ValueKind == JsonValueKind.Number
                    && value.TryGetProperty(AshbyFields.CurrencyCode, out var code) && code.ValueKind == JsonValueKind.String
                    ? (string.Create(CultureInfo.InvariantCulture, $"{amount.GetDecimal():0.00} {code.GetString()}"), null)
                    : (null, $"{Shown(value)} is not an amount with a currency");
            case "ValueSelect":
                if (label.ValueKind == JsonValueKind.String) return (label.GetString(), null);
                return value.ValueKind == JsonValueKind.String ? (value.GetString(), null) : (null, $"{Shown(value)} is not one of the field's options");
            case "MultiValueSelect":
                var items = label.ValueKind == JsonValueKind.Array ? label : value;
                if (items.ValueKind == JsonValueKind.Array && items.EnumerateArray().All(i => i.ValueKind == JsonValueKind.String))
                {
                    return (items.EnumerateArray().Select(i => i.GetString()!).ToArray(), null);
                }

                return value.ValueKind == JsonValueKind.String ? (new[] { value.GetString()! }, null) : (null, $"{Shown(value)} is not a list of the field's options");
            case "NumberRange" or "CompensationRange":
                if (value.ValueKind == JsonValueKind.Object && value.TryGetProperty("minValue", out var min) && value.TryGetProperty("maxValue", out var max))
                {
                    var currency = value.TryGetProperty(AshbyFields.CurrencyCode, out var c) && c.ValueKind == JsonValueKind.String ? " " + c.GetString() : "";
                    var interval = value.TryGetProperty("interval", out var i) && i.ValueKind == JsonValueKind.String ? " " + i.GetString() : "";
                    return ($"{min.GetRawText()}–{max.GetRawText()}{currency}{interval}", null);
                }

                return (null, $"{Shown(value)} is not a range");
            default:
                if (label.ValueKind == JsonValueKind.String) return (label.GetString(), null);
                return value.ValueKind switch
                {
                    JsonValueKind.String => (value.GetString(), null),
                    JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => (value.GetRawText(), null),
                    _ => (null, $"{Shown(value)} is not text"),
                };
        }
    }

    /// <summary>An ISO date, <c>yyyy-MM-dd</c>, in UTC.</summary>
    public static string IsoDate(DateTimeOffset date) => date.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Shown(JsonElement value)
    {
        var text = value.ValueKind == JsonValueKind.String ? $"'{value.GetString()}'" : value.GetRawText();
        return text.Length > 80 ? text[..80] + "…" : text;
    }
}
