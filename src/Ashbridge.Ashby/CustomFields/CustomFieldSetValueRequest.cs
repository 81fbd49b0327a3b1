using System.Text.Json;
using System.Text.Json.Serialization;

namespace Ashbridge.Ashby;

/// <summary>Parameters of <c>customField.setValue</c>. For several fields on one object use <c>customField.setValues</c>, which avoids races.</summary>
public sealed partial class CustomFieldSetValueRequest
{
    /// <summary>The application, candidate, job or opening id.</summary>
    [JsonPropertyName("objectId")]
    public required string ObjectId { get; init; }

    /// <summary><see cref="CustomFieldObjectType.Application"/>, <see cref="CustomFieldObjectType.Candidate"/>, <see cref="CustomFieldObjectType.Job"/> or <see cref="CustomFieldObjectType.Opening"/>.</summary>
    [JsonPropertyName("objectType")]
    public required string ObjectType { get; init; }

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
