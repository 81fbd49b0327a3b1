namespace Ashbridge.Server.Access;

/// <summary>Marks the one route an export token may call: its export's rows. Every other route refuses such tokens.</summary>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Class)]
public sealed class ExportTokenRouteAttribute : Attribute;
