namespace Ashbridge.Core.NewHires;

/// <summary>A compensation beside salary (a signing bonus, equity), read from an offer custom field as an amount.</summary>
public sealed record CompensationType(string Name, string AshbyFieldId);
