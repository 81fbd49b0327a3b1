namespace Ashbridge.Ashby;

/// <summary>The body of endpoints that take no parameters (sent as <c>{}</c>).</summary>
internal sealed class EmptyRequest;
