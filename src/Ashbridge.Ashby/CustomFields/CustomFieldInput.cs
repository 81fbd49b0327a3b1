using System.Buffers;
using System.Globalization;
using System.Text.Json;

namespace Ashbridge.Ashby;

/// <summary>
/// Builds the <c>fieldValue</c> of <c>customField.setValue</c> and <c>customField.setValues</c>, whose shape depends
/// on the field type (see <see cref="CustomFieldType"/>): strings for String, LongText, ValueSelect (the option's
/// <em>value</em>), Email, Phone, Url and UUID fields; a string array for MultiValueSelect; and so on.
/// </summary>
public static class CustomFieldInput
{
    /// <summary>JSON <c>null</c>: clears the field.</summary>
    public static JsonElement Clear { get; } = JsonElement.Parse("null"u8);

    /// <summary>A String, LongText, ValueSelect (option value), Email, Phone, Url or UUID value.</summary>
    /// <param name="value">The string.</param>
    /// <returns>The JSON value.</returns>
    public static JsonElement FromString(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return Write(w => w.WriteStringValue(value));
    }

    /// <summary>A Number value.</summary>
    /// <param name="value">The number.</param>
    /// <returns>The JSON value.</returns>
    public static JsonElement FromNumber(decimal value) => Write(w => w.WriteNumberValue(value));

    /// <summary>A Boolean value.</summary>
    /// <param name="value">The boolean.</param>
    /// <returns>The JSON value.</returns>
    public static JsonElement FromBoolean(bool value) => Write(w => w.WriteBooleanValue(value));

    /// <summary>A Date value, sent as an ISO-8601 UTC date-time.</summary>
    /// <param name="value">The date-time.</param>
    /// <returns>The JSON value.</returns>
    public static JsonElement FromDate(DateTimeOffset value) =>
        FromString(value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));

    /// <summary>A Date value for a calendar date, sent as midnight UTC.</summary>
    /// <param name="value">The date.</param>
    /// <returns>The JSON value.</returns>
    public static JsonElement FromDate(DateOnly value) => FromDate(new DateTimeOffset(value, TimeOnly.MinValue, TimeSpan.Zero));

    /// <summary>A MultiValueSelect value: the selected options' values.</summary>
    /// <param name="values">The option values.</param>
    /// <returns>The JSON value.</returns>
    public static JsonElement FromStrings(IEnumerable<string> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return Write(w =>
        {
            w.WriteStartArray();
            foreach (var value in values)
            {
                w.WriteStringValue(value ?? throw new ArgumentException("A MultiValueSelect value cannot contain null.", nameof(values)));
            }

            w.WriteEndArray();
        });
    }

    /// <summary>A Currency value (<c>{value, currencyCode}</c>).</summary>
    /// <param name="value">The amount.</param>
    /// <param name="currencyCode">The ISO 4217 currency code.</param>
    /// <returns>The JSON value.</returns>
    public static JsonElement FromCurrency(decimal value, string currencyCode)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(currencyCode);
        return Write(w =>
        {
            w.WriteStartObject();
            w.WriteNumber("value", value);
            w.WriteString("currencyCode", currencyCode);
            w.WriteEndObject();
        });
    }

    /// <summary>A NumberRange value (<c>{type: "number-range", minValue, maxValue}</c>).</summary>
    /// <param name="minValue">The lower end.</param>
    /// <param name="maxValue">The upper end.</param>
    /// <returns>The JSON value.</returns>
    public static JsonElement FromNumberRange(decimal minValue, decimal maxValue) => Write(w =>
    {
        w.WriteStartObject();
        w.WriteString("type", "number-range");
        w.WriteNumber("minValue", minValue);
        w.WriteNumber("maxValue", maxValue);
        w.WriteEndObject();
    });

    /// <summary>A CompensationRange value (<c>{type: "compensation-range", minValue, maxValue, currencyCode, interval}</c>).</summary>
    /// <param name="minValue">The lower end.</param>
    /// <param name="maxValue">The upper end.</param>
    /// <param name="currencyCode">The ISO 4217 currency code.</param>
    /// <param name="interval">See <see cref="CompensationInterval"/>.</param>
    /// <returns>The JSON value.</returns>
    public static JsonElement FromCompensationRange(decimal minValue, decimal maxValue, string currencyCode, string interval)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(currencyCode);
        ArgumentException.ThrowIfNullOrWhiteSpace(interval);
        return Write(w =>
        {
            w.WriteStartObject();
            w.WriteString("type", "compensation-range");
            w.WriteNumber("minValue", minValue);
            w.WriteNumber("maxValue", maxValue);
            w.WriteString("currencyCode", currencyCode);
            w.WriteString("interval", interval);
            w.WriteEndObject();
        });
    }

    private static JsonElement Write(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            write(writer);
        }

        return JsonElement.Parse(buffer.WrittenSpan);
    }
}
