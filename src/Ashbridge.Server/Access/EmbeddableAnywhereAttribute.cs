namespace Ashbridge.Server.Access;

/// <summary>
/// Marks a route any website may show in a frame (<c>frame-ancestors *</c>, no <c>X-Frame-Options</c>): the public
/// careers feed only. Everything else keeps <c>frame-ancestors 'none'</c>, so the hub cannot be clickjacked.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class EmbeddableAnywhereAttribute : Attribute;
