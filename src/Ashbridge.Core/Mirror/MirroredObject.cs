namespace Ashbridge.Core.Mirror;

/// <summary>One mirrored object as the hub holds it: Ashby's JSON as sent, when it was seen, and whether it is gone.</summary>
/// <param name="Json">Ashby's JSON, unfiltered.</param>
/// <param name="UpdatedAt">Ashby's last change, when the stream has one.</param>
/// <param name="LastSeenAt">When a pass last saw it.</param>
/// <param name="DeletedAt">When it went missing from Ashby (null while it is there).</param>
/// <param name="MergedIntoId">The candidate it was merged into, for a merged candidate.</param>
public sealed record MirroredObject(string Json, DateTimeOffset? UpdatedAt, DateTimeOffset LastSeenAt, DateTimeOffset? DeletedAt, string? MergedIntoId);
