namespace Ashbridge.Ashby;

/// <summary>Custom field types. Ashby may add values; unknown strings are kept as they are.</summary>
public static class CustomFieldType
{
    /// <summary><c>MultiValueSelect</c>.</summary>
    public const string MultiValueSelect = "MultiValueSelect";

    /// <summary><c>NumberRange</c>.</summary>
    public const string NumberRange = "NumberRange";

    /// <summary><c>String</c>.</summary>
#pragma warning disable CA1720 // The name mirrors Ashby's wire value "String".
    public const string String = "String";
#pragma warning restore CA1720

    /// <summary><c>Date</c>.</summary>
    public const string Date = "Date";

    /// <summary><c>ValueSelect</c>.</summary>
    public const string ValueSelect = "ValueSelect";

    /// <summary><c>Number</c>.</summary>
    public const string Number = "Number";

    /// <summary><c>Currency</c>.</summary>
    public const string Currency = "Currency";

    /// <summary><c>Boolean</c>.</summary>
    public const string Boolean = "Boolean";

    /// <summary><c>LongText</c>.</summary>
    public const string LongText = "LongText";

    /// <summary><c>CompensationRange</c>.</summary>
    public const string CompensationRange = "CompensationRange";
}
