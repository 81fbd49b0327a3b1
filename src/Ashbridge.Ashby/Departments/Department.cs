using System.Text.Json;
using System.Text.Json.Serialization;

namespace Ashbridge.Ashby;

/// <summary>A department or team.</summary>
public sealed partial class Department
{
    /// <summary>Ashby's <c>id</c>.</summary>
    [JsonPropertyName("id")]
    public required string Id { get; init; }

    /// <summary>Ashby's <c>name</c>.</summary>
    [JsonPropertyName("name")]
    public required string Name { get; init; }

    /// <summary>Ashby's <c>externalName</c>.</summary>
    [JsonPropertyName("externalName")]
    public string? ExternalName { get; init; }

    /// <summary>Ashby's <c>isArchived</c>.</summary>
    [JsonPropertyName("isArchived")]
    public required bool IsArchived { get; init; }

    /// <summary>Ashby's <c>parentId</c>.</summary>
    [JsonPropertyName("parentId")]
    public string? ParentId { get; init; }

    /// <summary>Ashby's <c>createdAt</c>.</summary>
    [JsonPropertyName("createdAt")]
    public DateTimeOffset? CreatedAt { get; init; }

    /// <summary>Ashby's <c>updatedAt</c>.</summary>
    [JsonPropertyName("updatedAt")]
    public DateTimeOffset? UpdatedAt { get; init; }

    /// <summary>Ashby's <c>extraData</c>.</summary>
    [JsonPropertyName("extraData")]
    public JsonElement? ExtraData { get; init; }

    /// <summary>Fields this model does not declare, kept so they survive a round trip.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}
