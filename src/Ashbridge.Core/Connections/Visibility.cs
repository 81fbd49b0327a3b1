namespace Ashbridge.Core.Connections;

/// <summary>The answer for one key flag, with what it means for the admin.</summary>
public sealed record Visibility(VisibilityState State, string Detail);
