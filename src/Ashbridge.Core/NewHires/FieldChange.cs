namespace Ashbridge.Core.NewHires;

/// <summary>A value Ashby changed after the new hire was queued.</summary>
public sealed record FieldChange(string Field, string? Before, string? After, DateTimeOffset At);
