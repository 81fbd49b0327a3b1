namespace Ashbridge.Core.Dedupe;

/// <summary>A job a prospect may be applied to: open, and not confidential unless the connection's policy offers confidential jobs.</summary>
public sealed record UploadJob(string Id, string Title, bool Confidential);
