namespace Ashbridge.Core.Webhooks;

/// <summary>One page of the inbox as the webhook inbox page lists it: events without their bodies, and how many match in all.</summary>
/// <param name="Events">The events on the page, newest first; <see cref="WebhookEvent.Body"/> is empty (it holds personal data).</param>
/// <param name="Total">How many events match the filter, on every page.</param>
/// <param name="Counts">How many events of the filtered connections are in each state (for the state tabs).</param>
public sealed record WebhookEventPage(IReadOnlyList<WebhookEvent> Events, long Total, IReadOnlyDictionary<WebhookEventState, long> Counts);
