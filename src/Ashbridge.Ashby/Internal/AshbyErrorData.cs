using System.Net;
using System.Text.Json;

namespace Ashbridge.Ashby;

/// <summary>The facts an exception is built from.</summary>
internal sealed class AshbyErrorData
{
    public HttpStatusCode? StatusCode { get; init; }
    public string? ErrorCode { get; init; }
    public string? Endpoint { get; init; }
    public string? RequestId { get; init; }
    public string? ServerMessage { get; init; }
    public IReadOnlyList<AshbyErrorDetail> Errors { get; init; } = [];
    public IReadOnlyList<string> Warnings { get; init; } = [];
    public JsonElement? Meta { get; init; }
    public bool IsTransient { get; init; }
    public TimeSpan? RetryAfter { get; init; }
    public string? RateLimitScope { get; init; }
}
