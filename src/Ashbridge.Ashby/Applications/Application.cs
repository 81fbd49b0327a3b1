using System.Text.Json;
using System.Text.Json.Serialization;

namespace Ashbridge.Ashby;

/// <summary>An application (<c>application.list</c>/<c>info</c>/<c>create</c>/<c>changeStage</c>, webhooks).</summary>
public sealed partial class Application
{
    /// <summary>Ashby's <c>id</c>.</summary>
    [JsonPropertyName("id")]
    public required string Id { get; init; }

    /// <summary>Ashby's <c>createdAt</c>.</summary>
    [JsonPropertyName("createdAt")]
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>Ashby's <c>updatedAt</c>.</summary>
    [JsonPropertyName("updatedAt")]
    public required DateTimeOffset UpdatedAt { get; init; }

    /// <summary>The status (see <see cref="ApplicationStatus"/>).</summary>
    [JsonPropertyName("status")]
    public required string Status { get; init; }

    /// <summary>Ashby's <c>customFields</c>.</summary>
    [JsonPropertyName("customFields")]
    public IReadOnlyList<CustomFieldValue>? CustomFields { get; init; }

    /// <summary>A short candidate summary.</summary>
    [JsonPropertyName("candidate")]
    public required ApplicationCandidate Candidate { get; init; }

    /// <summary>Ashby's <c>currentInterviewStage</c>.</summary>
    [JsonPropertyName("currentInterviewStage")]
    public InterviewStage? CurrentInterviewStage { get; init; }

    /// <summary>Ashby's <c>source</c>.</summary>
    [JsonPropertyName("source")]
    public Source? Source { get; init; }

    /// <summary>Ashby's <c>archiveReason</c>.</summary>
    [JsonPropertyName("archiveReason")]
    public ArchiveReason? ArchiveReason { get; init; }

    /// <summary>Ashby's <c>archivedAt</c>.</summary>
    [JsonPropertyName("archivedAt")]
    public DateTimeOffset? ArchivedAt { get; init; }

    /// <summary>A short job summary.</summary>
    [JsonPropertyName("job")]
    public required ApplicationJob Job { get; init; }

    /// <summary>Ashby's <c>creditedToUser</c>.</summary>
    [JsonPropertyName("creditedToUser")]
    public User? CreditedToUser { get; init; }

    /// <summary>Ashby's <c>hiringTeam</c>.</summary>
    [JsonPropertyName("hiringTeam")]
    public IReadOnlyList<HiringTeamMember>? HiringTeam { get; init; }

    /// <summary>Ashby's <c>appliedViaJobPostingId</c>.</summary>
    [JsonPropertyName("appliedViaJobPostingId")]
    public string? AppliedViaJobPostingId { get; init; }

    /// <summary>Ashby's <c>submitterClientIp</c>.</summary>
    [JsonPropertyName("submitterClientIp")]
    public string? SubmitterClientIp { get; init; }

    /// <summary>Ashby's <c>submitterUserAgent</c>.</summary>
    [JsonPropertyName("submitterUserAgent")]
    public string? SubmitterUserAgent { get; init; }

    /// <summary>Only with <c>expand: ["openings"]</c>.</summary>
    [JsonPropertyName("openings")]
    public IReadOnlyList<Opening>? Openings { get; init; }

    /// <summary>Only on <c>application.info</c>.</summary>
    [JsonPropertyName("applicationHistory")]
    public IReadOnlyList<ApplicationHistoryEntry>? ApplicationHistory { get; init; }

    /// <summary>Ashby's <c>resumeFileHandle</c>.</summary>
    [JsonPropertyName("resumeFileHandle")]
    public FileHandle? ResumeFileHandle { get; init; }

    /// <summary>Only with the matching expand.</summary>
    [JsonPropertyName("applicationFormSubmissions")]
    public IReadOnlyList<JsonElement>? ApplicationFormSubmissions { get; init; }

    /// <summary>Only with the matching expand.</summary>
    [JsonPropertyName("referrals")]
    public IReadOnlyList<JsonElement>? Referrals { get; init; }

    /// <summary>Fields this model does not declare, kept so they survive a round trip.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}
