namespace Ashbridge.Core.NewHires;

/// <summary>A default field of the mapping: where Ashby keeps it, whether it is required and whether it is on.</summary>
public sealed record MappingField(string Key, string Label, string AshbyField, bool Required, bool Enabled);
