namespace Ashbridge.Core.NewHires;

/// <summary>An Ashby custom field definition a mapping can use.</summary>
public sealed record AshbyCustomField(string Id, string Title, string ObjectType, string? FieldType);
