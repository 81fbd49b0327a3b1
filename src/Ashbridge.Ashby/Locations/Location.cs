using System.Text.Json;
using System.Text.Json.Serialization;

namespace Ashbridge.Ashby;

/// <summary>A location or location hierarchy (region).</summary>
public sealed partial class Location
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

    /// <summary>Ashby's <c>address</c>.</summary>
    [JsonPropertyName("address")]
    public Address? Address { get; init; }

    /// <summary>Deprecated by Ashby; use <see cref="WorkplaceType"/>.</summary>
    [JsonPropertyName("isRemote")]
    public bool? IsRemote { get; init; }

    /// <summary>Ashby's <c>workplaceType</c>.</summary>
    [JsonPropertyName("workplaceType")]
    public string? WorkplaceType { get; init; }

    /// <summary>Ashby's <c>parentLocationId</c>.</summary>
    [JsonPropertyName("parentLocationId")]
    public string? ParentLocationId { get; init; }

    /// <summary>Location or LocationHierarchy (see <see cref="LocationType"/>).</summary>
    [JsonPropertyName("type")]
    public string? Type { get; init; }

    /// <summary>Ashby's <c>extraData</c>.</summary>
    [JsonPropertyName("extraData")]
    public JsonElement? ExtraData { get; init; }

    /// <summary>Fields this model does not declare, kept so they survive a round trip.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}
