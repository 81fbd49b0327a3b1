namespace Ashbridge.Core.Notices;

/// <summary>A notice to post: what it is about, how serious, and its words (the e-mail's subject and text too).</summary>
public sealed record NewNotice(long? ConnectionId, string Kind, string Severity, string Title, string Body);
