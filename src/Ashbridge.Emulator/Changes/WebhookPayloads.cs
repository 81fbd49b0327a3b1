using System.Buffers;
using System.Text.Json;
using System.Text.Json.Nodes;
using Ashbridge.Emulator.Data;
using Ashbridge.Emulator.Json;
using Ashbridge.Emulator.Webhooks;

namespace Ashbridge.Emulator.Changes;

/// <summary>
/// The <c>data</c> objects of Ashby's webhook payloads (§6 of the fact sheet), written with the same shape writers the
/// API uses so the two always agree. Webhooks see everything: confidential jobs and private fields included.
/// </summary>
internal static class WebhookPayloads
{
    public static WebhookEvent Application(string action, Application a) =>
        new(action, Build(w => Named(w, "application", () => ApplicationJson.Application(w, a, Viewer.Everything))));

    /// <summary><c>candidateHire</c>: the application and, when there is one, its most recent accepted offer.</summary>
    public static WebhookEvent Hire(Organization org, Application a, Offer? offer) => new("candidateHire", Build(w =>
    {
        Named(w, "application", () => ApplicationJson.Application(w, a, Viewer.Everything));
        if (offer is not null) Named(w, "offer", () => OfferJson.Offer(w, offer, formOf: org));
    }));

    public static WebhookEvent Job(string action, Job j) =>
        new(action, Build(w => Named(w, "job", () => JobJson.Job(w, j, Viewer.Everything))));

    public static WebhookEvent Posting(string action, JobPosting p) =>
        new(action, Build(w => Named(w, "jobPosting", () => JobPostingJson.Summary(w, p))));

    /// <summary><c>jobPostingDelete</c>: Ashby's field names are not documented; the emulator sends <c>{ jobPosting: { id, jobId } }</c>.</summary>
    public static WebhookEvent PostingDeleted(JobPosting p) => new("jobPostingDelete", Build(w =>
    {
        w.WriteStartObject("jobPosting");
        w.WriteString("id", p.Id);
        w.WriteString("jobId", p.Job.Id);
        w.WriteEndObject();
    }));

    /// <summary>An offer with its form definition, which the document's offer payloads require.</summary>
    public static WebhookEvent Offer(Organization org, string action, Offer o) =>
        new(action, Build(w => Named(w, "offer", () => OfferJson.Offer(w, o, formOf: org))));

    public static WebhookEvent OfferDeleted(Offer o) => new("offerDelete", Build(w =>
    {
        w.WriteStartObject("offer");
        w.WriteString("id", o.Id);
        w.WriteString("applicationId", o.Application.Id);
        w.WriteEndObject();
    }));

    public static WebhookEvent Opening(string action, Opening o) =>
        new(action, Build(w => Named(w, "opening", () => JobJson.Opening(w, o, Viewer.Everything))));

    public static WebhookEvent CandidateDeleted(Guid id) => new("candidateDelete", Build(w =>
    {
        w.WriteStartObject("candidate");
        w.WriteString("id", id);
        w.WriteEndObject();
    }));

    public static WebhookEvent CandidateMerged(Guid deleted, Guid merged) => new("candidateMerge", Build(w =>
    {
        w.WriteStartObject("deletedCandidate");
        w.WriteString("id", deleted);
        w.WriteEndObject();
        w.WriteStartObject("mergedCandidate");
        w.WriteString("id", merged);
        w.WriteEndObject();
    }));

    private static void Named(Utf8JsonWriter w, string name, Action write)
    {
        w.WritePropertyName(name);
        write();
    }

    private static JsonObject Build(Action<Utf8JsonWriter> properties)
    {
        var buffer = new ArrayBufferWriter<byte>(4096);
        using (var w = new Utf8JsonWriter(buffer, Json.JsonOutput.Options))
        {
            w.WriteStartObject();
            properties(w);
            w.WriteEndObject();
        }

        return JsonNode.Parse(buffer.WrittenSpan)!.AsObject();
    }
}
