using System.Text.Json;
using System.Text.Json.Serialization;

namespace Ashbridge.Ashby;

/// <summary>A custom field definition (<c>customField.list</c>).</summary>
public sealed partial class CustomFieldDefinition
{
    /// <summary>Ashby's <c>id</c>.</summary>
    [JsonPropertyName("id")]
    public required string Id { get; init; }

    /// <summary>Ashby's <c>isPrivate</c>.</summary>
    [JsonPropertyName("isPrivate")]
    public bool? IsPrivate { get; init; }

    /// <summary>Ashby's <c>title</c>.</summary>
    [JsonPropertyName("title")]
    public required string Title { get; init; }

    /// <summary>See <see cref="CustomFieldObjectType"/>.</summary>
    [JsonPropertyName("objectType")]
    public required string ObjectType { get; init; }

    /// <summary>Ashby's <c>isArchived</c>.</summary>
    [JsonPropertyName("isArchived")]
    public required bool IsArchived { get; init; }

    /// <summary>See <see cref="CustomFieldType"/>.</summary>
    [JsonPropertyName("fieldType")]
    public required string FieldType { get; init; }

    /// <summary>Ashby's <c>isRequired</c>.</summary>
    [JsonPropertyName("isRequired")]
    public bool? IsRequired { get; init; }

    /// <summary>Ashby's <c>selectableValues</c>.</summary>
    [JsonPropertyName("selectableValues")]
    public IReadOnlyList<CustomFieldSelectableValue>? SelectableValues { get; init; }

    /// <summary>Ashby's <c>isEditableOnlyViaPublicApi</c>.</summary>
    [JsonPropertyName("isEditableOnlyViaPublicApi")]
    public bool? IsEditableOnlyViaPublicApi { get; init; }

    /// <summary>Fields this model does not declare, kept so they survive a round trip.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}
