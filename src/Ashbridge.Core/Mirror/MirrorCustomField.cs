namespace Ashbridge.Core.Mirror;

/// <summary>A custom field of the mirror a new-hire mapping may read from.</summary>
public sealed record MirrorCustomField(string Id, string Title, string ObjectType, string? FieldType);
