using System.Text.Json;
using System.Text.Json.Serialization;

namespace Ashbridge.Ashby;

/// <summary>An archive reason.</summary>
public sealed partial class ArchiveReason
{
    /// <summary>Ashby's <c>id</c>.</summary>
    [JsonPropertyName("id")]
    public required string Id { get; init; }

    /// <summary>Ashby's <c>text</c>.</summary>
    [JsonPropertyName("text")]
    public required string Text { get; init; }

    /// <summary>See <see cref="ArchiveReasonType"/>.</summary>
    [JsonPropertyName("reasonType")]
    public string? ReasonType { get; init; }

    /// <summary>Ashby's <c>isArchived</c>.</summary>
    [JsonPropertyName("isArchived")]
    public bool? IsArchived { get; init; }

    /// <summary>Ashby's <c>customFields</c>.</summary>
    [JsonPropertyName("customFields")]
    public IReadOnlyList<CustomFieldValue>? CustomFields { get; init; }

    /// <summary>Fields this model does not declare, kept so they survive a round trip.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}
