using System.Text.Json;
using System.Text.Json.Serialization;

namespace Ashbridge.Ashby;

/// <summary>What <c>file.info</c> answers: where to download the file.</summary>
public sealed partial class FileInfoResult
{
    /// <summary>The file's download URL (short-lived; fetch it soon and do not store it).</summary>
    [JsonPropertyName("url")]
    public required string Url { get; init; }

    /// <summary>Fields this model does not declare, kept so they survive a round trip.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}
