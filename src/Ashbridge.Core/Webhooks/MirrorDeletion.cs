using Ashbridge.Core.Mirror;

namespace Ashbridge.Core.Webhooks;

/// <summary>A hard deletion a webhook reports (Ashby's lists never do): the table, and the row's id.</summary>
public sealed record MirrorDeletion(StreamDefinition Stream, string Id);
