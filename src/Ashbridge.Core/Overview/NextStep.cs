namespace Ashbridge.Core.Overview;

/// <summary>One thing to do next, in words, and the page where it is done.</summary>
/// <param name="Connection">The connection it concerns, when it concerns one.</param>
/// <param name="Href">The page's path, e.g. <c>/connections/acme</c>.</param>
public sealed record NextStep(NextStepKind Kind, string? Connection, string Title, string Detail, string Href);
