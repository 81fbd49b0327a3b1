using System.Text.Json;
using System.Text.Json.Serialization;

namespace Ashbridge.Ashby;

/// <summary>Parameters of <c>application.info</c>.</summary>
public sealed partial class ApplicationInfoRequest
{
    /// <summary>Ashby's <c>applicationId</c>.</summary>
    [JsonPropertyName("applicationId")]
    public string? ApplicationId { get; init; }

    /// <summary>Ashby's <c>submittedFormInstanceId</c>.</summary>
    [JsonPropertyName("submittedFormInstanceId")]
    public string? SubmittedFormInstanceId { get; init; }

    /// <summary>Ashby's <c>expand</c>.</summary>
    [JsonPropertyName("expand")]
    public IReadOnlyList<string>? Expand { get; init; }

    /// <summary>Fields this model does not declare, kept so they survive a round trip.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}
