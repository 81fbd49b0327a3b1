namespace Ashbridge.Core.Careers;

/// <summary>A connection's public careers feed: its listed open roles by title, and a tag that changes whenever they do.</summary>
/// <param name="Connection">The connection's name (the feed's address).</param>
/// <param name="ETag">A strong entity tag (quoted) over <paramref name="Roles"/>, for <c>If-None-Match</c>.</param>
public sealed record CareersFeedContent(string Connection, IReadOnlyList<CareersRole> Roles, string ETag);
