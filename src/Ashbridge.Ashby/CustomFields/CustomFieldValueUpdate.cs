using System.Text.Json;
using System.Text.Json.Serialization;

namespace Ashbridge.Ashby;

/// <summary>One field's new value in <c>customField.setValues</c>.</summary>
public sealed partial class CustomFieldValueUpdate
{
    /// <summary>The field definition id.</summary>
    [JsonPropertyName("fieldId")]
    public required string FieldId { get; init; }

    /// <summary>The value, shaped by the field type; build it with <see cref="CustomFieldInput"/> (<see cref="CustomFieldInput.Clear"/> clears the field).</summary>
    [JsonPropertyName("fieldValue")]
    public required JsonElement FieldValue { get; init; }

    /// <summary>Fields this model does not declare, kept so they survive a round trip.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}
