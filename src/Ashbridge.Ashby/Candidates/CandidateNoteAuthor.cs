using System.Text.Json;
using System.Text.Json.Serialization;

namespace Ashbridge.Ashby;

/// <summary>The user who wrote a note.</summary>
public sealed partial class CandidateNoteAuthor
{
    /// <summary>Ashby's <c>id</c>.</summary>
    [JsonPropertyName("id")]
    public required string Id { get; init; }

    /// <summary>Ashby's <c>firstName</c>.</summary>
    [JsonPropertyName("firstName")]
    public required string FirstName { get; init; }

    /// <summary>Ashby's <c>lastName</c>.</summary>
    [JsonPropertyName("lastName")]
    public required string LastName { get; init; }

    /// <summary>Ashby's <c>email</c>.</summary>
    [JsonPropertyName("email")]
    public string? Email { get; init; }

    /// <summary>Fields this model does not declare, kept so they survive a round trip.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}
