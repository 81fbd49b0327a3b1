using System.Text.Json;
using System.Text.Json.Serialization;

namespace Ashbridge.Ashby;

/// <summary>Parameters of <c>customField.setValues</c>: several fields on one object in one call.</summary>
public sealed partial class CustomFieldSetValuesRequest
{
    /// <summary>The application, candidate, job or opening id.</summary>
    [JsonPropertyName("objectId")]
    public required string ObjectId { get; init; }

    /// <summary><see cref="CustomFieldObjectType.Application"/>, <see cref="CustomFieldObjectType.Candidate"/>, <see cref="CustomFieldObjectType.Job"/> or <see cref="CustomFieldObjectType.Opening"/>.</summary>
    [JsonPropertyName("objectType")]
    public required string ObjectType { get; init; }

    /// <summary>The fields and their new values.</summary>
    [JsonPropertyName("values")]
    public required IReadOnlyList<CustomFieldValueUpdate> Values { get; init; }

    /// <summary>Fields this model does not declare, kept so they survive a round trip.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}
