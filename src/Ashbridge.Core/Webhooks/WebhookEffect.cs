using System.Buffers;
using System.Text;
using Ashbridge.Ashby.Webhooks;
using Ashbridge.Core.Mirror;

namespace Ashbridge.Core.Webhooks;

/// <summary>
/// What one event means for the mirror. Changes are not copied from the payload (payloads can be partial, and a late
/// retry must not overwrite newer state): the affected streams are re-read incrementally, which brings Ashby's current
/// state whatever order events arrive in. Deletions and merges, which lists do not report, are applied from the event.
/// </summary>
public sealed record WebhookEffect(IReadOnlySet<string> Streams, IReadOnlyList<MirrorDeletion> Deletions, (string From, string Into)? Merge)
{
    private static readonly WebhookEffect Nothing = new(new HashSet<string>(), [], null);

    /// <summary>Whether Ashbridge uses this type at all; others are stored as ignored.</summary>
    public static bool IsUsed(string action) => Refreshes(action).Length > 0 || action is "candidateDelete" or "candidateMerge" or "offerDelete" or "jobPostingDelete";

    /// <summary>
    /// Reads an event's effect: the ids it needs, with the client's forward-only reader
    /// (<see cref="AshbyWebhookEnvelope.ReadDataObjectId"/>), never a parsed copy of the body.
    /// </summary>
    /// <exception cref="InvalidDataException">The body lacks what the type must carry (the event is a dead letter).</exception>
    public static WebhookEffect Of(string action, string body)
    {
        ArgumentNullException.ThrowIfNull(body);
        if (!IsUsed(action)) return Nothing;
        var bytes = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(body.Length));
        try
        {
            var utf8 = bytes.AsSpan(0, Encoding.UTF8.GetBytes(body, bytes));
            var streams = new HashSet<string>(Refreshes(action), StringComparer.Ordinal);
            return action switch
            {
                AshbyWebhookTypes.CandidateDelete => new(streams, [new(MirrorStreams.Candidates, Id(utf8, action, "candidate"))], null),
                AshbyWebhookTypes.OfferDelete => new(streams, [new(MirrorStreams.Offers, Id(utf8, action, "offer"))], null),
                AshbyWebhookTypes.JobPostingDelete => new(streams, [new(MirrorStreams.JobPostings, Id(utf8, action, "jobPosting"))], null),
                AshbyWebhookTypes.CandidateMerge => new(streams, [], (Id(utf8, action, "deletedCandidate"), Id(utf8, action, "mergedCandidate"))),
                _ => Checked(utf8, action, streams),
            };
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(bytes);
        }
    }

    /// <summary>The streams an event type changes, re-read when it arrives.</summary>
    private static string[] Refreshes(string action) => action switch
    {
        "applicationSubmit" or "applicationUpdate" or "candidateStageChange" => ["candidates", "applications"],
        // A hire fills its opening, and Ashby sends no webhook for openings it changes.
        "candidateHire" => ["candidates", "applications", "offers", "openings"],
        "candidateDelete" or "candidateMerge" => ["candidates", "applications", "offers"],
        "offerCreate" or "offerUpdate" or "offerDelete" => ["offers"],
        "jobCreate" or "jobUpdate" or "interviewPlanTransition" => ["jobs", "job_postings"],
        "jobPostingPublish" or "jobPostingUnpublish" or "jobPostingUpdate" or "jobPostingDelete" => ["job_postings"],
        "openingCreate" or "openingUpdate" => ["openings"],
        _ => [],
    };

    /// <summary>A change event must at least name its object, or it is not what its type says.</summary>
    private static WebhookEffect Checked(ReadOnlySpan<byte> body, string action, HashSet<string> streams)
    {
        var expected = action switch
        {
            "applicationSubmit" or "applicationUpdate" or "candidateStageChange" or "candidateHire" => "application",
            "offerCreate" or "offerUpdate" => "offer",
            "jobCreate" or "jobUpdate" or "interviewPlanTransition" => "job",
            "openingCreate" or "openingUpdate" => "opening",
            _ => "jobPosting",
        };
        Id(body, action, expected);
        return new(streams, [], null);
    }

    private static string Id(ReadOnlySpan<byte> body, string action, string property)
    {
        try
        {
            return AshbyWebhookEnvelope.ReadDataObjectId(body, property) ?? throw new InvalidDataException($"A {action} event without data.{property}.id.");
        }
        catch (FormatException ex)
        {
            throw new InvalidDataException($"A {action} event that is not a webhook payload: {ex.Message}.", ex);
        }
    }
}
