using System.Text.Json;
using System.Text.Json.Serialization;

namespace Ashbridge.Ashby;

/// <summary>Parameters of <c>application.update</c> (custom field values go through <c>customField.setValue</c>).</summary>
public sealed partial class ApplicationUpdateRequest
{
    /// <summary>Ashby's <c>applicationId</c>.</summary>
    [JsonPropertyName("applicationId")]
    public required string ApplicationId { get; init; }

    /// <summary>The source to set, from <c>source.list</c>.</summary>
    [JsonPropertyName("sourceId")]
    public string? SourceId { get; init; }

    /// <summary>The user the application is credited to.</summary>
    [JsonPropertyName("creditedToUserId")]
    public string? CreditedToUserId { get; init; }

    /// <summary>Overrides when the application was created.</summary>
    [JsonPropertyName("createdAt")]
    public DateTimeOffset? CreatedAt { get; init; }

    /// <summary>Whether subscribers are notified (Ashby's default is <see langword="true"/>).</summary>
    [JsonPropertyName("sendNotifications")]
    public bool? SendNotifications { get; init; }

    /// <summary>Fields this model does not declare, kept so they survive a round trip.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}
