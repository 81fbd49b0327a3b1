using System.Text.Json;
using System.Text.Json.Serialization;

namespace Ashbridge.Ashby;

/// <summary>A note on a candidate, as <c>candidate.createNote</c> answers it.</summary>
public sealed partial class CandidateNote
{
    /// <summary>Ashby's <c>id</c>.</summary>
    [JsonPropertyName("id")]
    public required string Id { get; init; }

    /// <summary>Ashby's <c>createdAt</c>.</summary>
    [JsonPropertyName("createdAt")]
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>Ashby's <c>isPrivate</c>.</summary>
    [JsonPropertyName("isPrivate")]
    public required bool IsPrivate { get; init; }

    /// <summary>The note's content.</summary>
    [JsonPropertyName("content")]
    public string? Content { get; init; }

    /// <summary>Ashby's <c>author</c>.</summary>
    [JsonPropertyName("author")]
    public required CandidateNoteAuthor Author { get; init; }

    /// <summary>Fields this model does not declare, kept so they survive a round trip.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}
