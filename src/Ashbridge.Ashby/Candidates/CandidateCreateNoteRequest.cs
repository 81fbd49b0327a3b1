using System.Text.Json;
using System.Text.Json.Serialization;

namespace Ashbridge.Ashby;

/// <summary>Parameters of <c>candidate.createNote</c>.</summary>
public sealed partial class CandidateCreateNoteRequest
{
    /// <summary>Ashby's <c>candidateId</c>.</summary>
    [JsonPropertyName("candidateId")]
    public required string CandidateId { get; init; }

    /// <summary>The note and its content type (<see cref="CandidateNoteContent.PlainText"/> or <see cref="CandidateNoteContent.Html"/>).</summary>
    [JsonPropertyName("note")]
    public required CandidateNoteContent Note { get; init; }

    /// <summary>Whether subscribers are notified (Ashby's default is <see langword="false"/>).</summary>
    [JsonPropertyName("sendNotifications")]
    public bool? SendNotifications { get; init; }

    /// <summary>Whether the note is private (needs a key allowed to access non-offer private fields).</summary>
    [JsonPropertyName("isPrivate")]
    public bool? IsPrivate { get; init; }

    /// <summary>Overrides when the note was created.</summary>
    [JsonPropertyName("createdAt")]
    public DateTimeOffset? CreatedAt { get; init; }

    /// <summary>Fields this model does not declare, kept so they survive a round trip.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}
