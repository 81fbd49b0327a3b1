namespace Ashbridge.Emulator.Data;

/// <summary>One option of a select custom field.</summary>
internal sealed record SelectableValue(string Label, string Value, bool IsArchived);

/// <summary>A custom field definition (<c>customField.list</c>).</summary>
internal sealed class CustomFieldDefinition : Row
{
    public required string Title;
    public required string ObjectType;
    public required string FieldType;
    public bool IsPrivate;
    public bool IsArchived;
    public bool IsRequired;
    public SelectableValue[] Options = [];
    public string CurrencyCode = "USD";

    /// <summary>Private fields are hidden from keys without the private-fields flag, except on offers (always visible).</summary>
    public bool HiddenWithoutPrivateAccess => IsPrivate && ObjectType != "Offer";
}

/// <summary>
/// A stored custom field value, compact on purpose (a million candidates carry several each):
/// the typed value lives in <see cref="Number"/>/<see cref="Number2"/>/<see cref="Bits"/>/<see cref="Text"/> by field type.
/// </summary>
internal readonly struct CustomFieldValue(CustomFieldDefinition field, double number = 0, double number2 = 0, long bits = 0, string? text = null)
{
    /// <summary>Compensation intervals as Ashby spells them; a CompensationRange value keeps the index in <see cref="Bits"/> (0 = yearly).</summary>
    public static readonly string[] Intervals = ["1 YEAR", "NONE", "1 TIME", "1 HOUR", "1 DAY", "1 WEEK", "2 WEEK", "1 MONTH", "2 MONTH", "6 MONTH", "0.5 MONTH", "3 MONTH"];

    public CustomFieldDefinition Field { get; } = field;

    /// <summary>Number, Currency amount, range minimum.</summary>
    public double Number { get; } = number;

    /// <summary>Range maximum.</summary>
    public double Number2 { get; } = number2;

    /// <summary>Boolean (0/1), Date (ms), ValueSelect option index, MultiValueSelect option bit mask, CompensationRange interval index.</summary>
    public long Bits { get; } = bits;

    /// <summary>String, LongText, Url and UUID values; the currency code of a Currency or CompensationRange value set through the API (null: the field's).</summary>
    public string? Text { get; } = text;
}
