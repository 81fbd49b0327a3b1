using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Ashbridge.Ashby.Webhooks;

/// <summary>
/// A parsed webhook payload <c>{webhookActionId, action, data}</c>. Verify the signature on the raw bytes first.
/// Unknown actions parse fine; their <see cref="Data"/> is kept raw. Typed accessors read <see cref="Data"/> per action.
/// </summary>
public sealed class AshbyWebhookEvent
{
    private AshbyWebhookEvent(string? webhookActionId, string action, JsonElement data)
    {
        WebhookActionId = webhookActionId;
        Action = action;
        Data = data;
    }

    /// <summary>The event id, identical across retries and across webhooks for the same event: dedupe on it (with <see cref="Action"/>).</summary>
    public string? WebhookActionId { get; }

    /// <summary>The webhook type (see <see cref="AshbyWebhookTypes"/>).</summary>
    public string Action { get; }

    /// <summary>The raw <c>data</c> object (detached from the body buffer).</summary>
    public JsonElement Data { get; }

    /// <summary>Whether this is the ping Ashby sends when a webhook is created or edited.</summary>
    public bool IsPing => Action == AshbyWebhookTypes.Ping;

    /// <summary>Parses a payload.</summary>
    /// <param name="body">The raw body bytes.</param>
    /// <returns>The event.</returns>
    /// <exception cref="FormatException">The body is not a webhook payload (no JSON object, or no <c>action</c>).</exception>
    public static AshbyWebhookEvent Parse(ReadOnlySpan<byte> body) =>
        TryParse(body, out var evt) ? evt : throw new FormatException("The body is not an Ashby webhook payload: expected a JSON object with a string \"action\".");

    /// <summary>Tries to parse a payload.</summary>
    /// <param name="body">The raw body bytes.</param>
    /// <param name="webhookEvent">The event, when parsed.</param>
    /// <returns>Whether the body is a webhook payload.</returns>
    public static bool TryParse(ReadOnlySpan<byte> body, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out AshbyWebhookEvent? webhookEvent)
    {
        webhookEvent = null;
        JsonElement root;
        try
        {
            var reader = new Utf8JsonReader(body);
            if (!JsonElement.TryParseValue(ref reader, out var parsed) || parsed is not { ValueKind: JsonValueKind.Object } r)
            {
                return false;
            }

            root = r;
        }
        catch (JsonException)
        {
            return false;
        }

        if (!root.TryGetProperty("action", out var action) || action.ValueKind != JsonValueKind.String)
        {
            return false;
        }

        var id = root.TryGetProperty("webhookActionId", out var i) && i.ValueKind == JsonValueKind.String ? i.GetString() : null;
        var data = root.TryGetProperty("data", out var d) ? d : default;
        webhookEvent = new AshbyWebhookEvent(id, action.GetString()!, data);
        return true;
    }

    /// <summary>The application of <c>applicationSubmit</c>, <c>applicationUpdate</c>, <c>candidateStageChange</c>, <c>candidateHire</c> and <c>pushToHRIS</c>.</summary>
    /// <returns>The application.</returns>
    /// <exception cref="InvalidOperationException">The data has no application.</exception>
    public Application GetApplication() => Required("application", AshbyJsonContext.Default.Application);

    /// <summary>The offer of <c>offerCreate</c>/<c>offerUpdate</c>, or the optional accepted offer of <c>candidateHire</c>.</summary>
    /// <returns>The offer, or <see langword="null"/> when the data has none (e.g. a hire without an offer).</returns>
    public Offer? GetOffer() => Optional("offer", AshbyJsonContext.Default.Offer);

    /// <summary>The job of <c>jobCreate</c>/<c>jobUpdate</c>.</summary>
    /// <returns>The job.</returns>
    /// <exception cref="InvalidOperationException">The data has no job.</exception>
    public Job GetJob() => Required("job", AshbyJsonContext.Default.Job);

    /// <summary>The posting of <c>jobPostingPublish</c>/<c>jobPostingUnpublish</c>/<c>jobPostingUpdate</c>.</summary>
    /// <returns>The posting (list shape).</returns>
    /// <exception cref="InvalidOperationException">The data has no job posting.</exception>
    public JobPostingSummary GetJobPosting() => Required("jobPosting", AshbyJsonContext.Default.JobPostingSummary);

    /// <summary>The opening of <c>openingCreate</c>.</summary>
    /// <returns>The opening.</returns>
    /// <exception cref="InvalidOperationException">The data has no opening.</exception>
    public Opening GetOpening() => Required("opening", AshbyJsonContext.Default.Opening);

    /// <summary>The deleted candidate's id of <c>candidateDelete</c>.</summary>
    /// <returns>The id.</returns>
    /// <exception cref="InvalidOperationException">The data has no <c>candidate.id</c>.</exception>
    public string GetDeletedCandidateId() => NestedId("candidate") ?? throw Missing("candidate.id");

    /// <summary>The ids of <c>candidateMerge</c>.</summary>
    /// <returns>The deleted and the surviving candidate id.</returns>
    /// <exception cref="InvalidOperationException">The data lacks either id.</exception>
    public AshbyCandidateMerge GetCandidateMerge() => new(
        NestedId("deletedCandidate") ?? throw Missing("deletedCandidate.id"),
        NestedId("mergedCandidate") ?? throw Missing("mergedCandidate.id"));

    /// <summary>The ids of <c>offerDelete</c>.</summary>
    /// <returns>The offer id and its application id.</returns>
    /// <exception cref="InvalidOperationException">The data has no <c>offer.id</c>.</exception>
    public AshbyOfferDeletion GetOfferDeletion()
    {
        var id = NestedId("offer") ?? throw Missing("offer.id");
        string? applicationId = null;
        if (Data.TryGetProperty("offer", out var offer)
            && offer.TryGetProperty("applicationId", out var a) && a.ValueKind == JsonValueKind.String)
        {
            applicationId = a.GetString();
        }

        return new AshbyOfferDeletion(id, applicationId);
    }

    /// <summary>
    /// The id of the object <c>data.&lt;<paramref name="property"/>&gt;</c>, read without deserialising it: what a receiver
    /// needs to tell which record an event is about (e.g. <c>application</c>, <c>jobPosting</c>, <c>deletedCandidate</c>).
    /// </summary>
    /// <param name="property">The name of the object in <c>data</c>.</param>
    /// <returns>The non-empty string id, or <see langword="null"/> when the data has no such object or it has no id.</returns>
    public string? GetDataObjectId(string property)
    {
        ArgumentException.ThrowIfNullOrEmpty(property);
        return NestedId(property) is { Length: > 0 } id ? id : null;
    }

    /// <summary>The <c>webhookActionType</c> of a ping.</summary>
    /// <returns>The value (normally <c>ping</c>), or <see langword="null"/>.</returns>
    public string? GetPingWebhookActionType() =>
        Data.ValueKind == JsonValueKind.Object && Data.TryGetProperty("webhookActionType", out var t) && t.ValueKind == JsonValueKind.String
            ? t.GetString()
            : null;

    private T Required<T>(string name, JsonTypeInfo<T> info) where T : class =>
        Optional(name, info) ?? throw Missing(name);

    private T? Optional<T>(string name, JsonTypeInfo<T> info) where T : class
    {
        if (Data.ValueKind != JsonValueKind.Object || !Data.TryGetProperty(name, out var value) || value.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        try
        {
            return value.Deserialize(info);
        }
        catch (JsonException ex)
        {
            throw new InvalidOperationException($"The {Action} webhook's data.{name} does not have the expected shape: {ex.Message}", ex);
        }
    }

    private string? NestedId(string name) =>
        Data.ValueKind == JsonValueKind.Object
        && Data.TryGetProperty(name, out var obj) && obj.ValueKind == JsonValueKind.Object
        && obj.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String
            ? id.GetString()
            : null;

    private InvalidOperationException Missing(string what) =>
        new($"The {Action} webhook (id {WebhookActionId ?? "none"}) has no data.{what}; check the action before calling this accessor.");
}
