using System.Text.Json;
using System.Text.Json.Serialization;

namespace Ashbridge.Ashby;

/// <summary>The job summary embedded in an application.</summary>
public sealed partial class ApplicationJob
{
    /// <summary>Ashby's <c>id</c>.</summary>
    [JsonPropertyName("id")]
    public required string Id { get; init; }

    /// <summary>Ashby's <c>title</c>.</summary>
    [JsonPropertyName("title")]
    public required string Title { get; init; }

    /// <summary>Ashby's <c>locationId</c>.</summary>
    [JsonPropertyName("locationId")]
    public string? LocationId { get; init; }

    /// <summary>Ashby's <c>departmentId</c>.</summary>
    [JsonPropertyName("departmentId")]
    public string? DepartmentId { get; init; }

    /// <summary>Fields this model does not declare, kept so they survive a round trip.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}
