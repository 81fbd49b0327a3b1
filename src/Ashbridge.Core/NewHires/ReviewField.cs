namespace Ashbridge.Core.NewHires;

/// <summary>One row of the review form: the imported value beside the one that will be used.</summary>
public sealed record ReviewField(string Key, string Label, bool Required, string? Imported, string? Value, bool Overridden);
