using System.Text.Json;
using System.Text.Json.Serialization;

namespace Ashbridge.Ashby;

/// <summary>Parameters of <c>file.info</c>.</summary>
public sealed partial class FileInfoRequest
{
    /// <summary>A file handle from a candidate (<see cref="FileHandle.Handle"/>).</summary>
    [JsonPropertyName("fileHandle")]
    public required string FileHandle { get; init; }

    /// <summary>Fields this model does not declare, kept so they survive a round trip.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}
