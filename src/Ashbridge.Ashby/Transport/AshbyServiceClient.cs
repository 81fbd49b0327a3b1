using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;

namespace Ashbridge.Ashby;

/// <summary>Base of the per-object sub-clients (<see cref="AshbyClient.Candidates"/>, ...).</summary>
public abstract class AshbyServiceClient
{
    private readonly AshbyTransport? _transport;

    /// <summary>For test doubles: an instance without a transport; override the methods you call.</summary>
    protected AshbyServiceClient()
    {
    }

    internal AshbyServiceClient(AshbyTransport transport)
    {
        _transport = transport;
    }

    internal AshbyTransport Transport => _transport
        ?? throw new InvalidOperationException($"{GetType().Name} was created as a test double; override the method you call.");

    internal async Task<TResult> SendAsync<TRequest, TResult>(
        string endpoint, TRequest? request, JsonTypeInfo<TRequest> requestInfo, JsonTypeInfo<TResult> resultInfo,
        AshbyRequestOptions? options, CancellationToken cancellationToken)
        where TRequest : class
    {
        var envelope = await Transport.SendAsync(endpoint, ToBody(request, requestInfo), options, cancellationToken).ConfigureAwait(false);
        return Read(endpoint, envelope.Results, resultInfo);
    }

    internal async Task<IReadOnlyList<TItem>> SendListAsync<TRequest, TItem>(
        string endpoint, TRequest? request, JsonTypeInfo<TRequest> requestInfo, JsonTypeInfo<TItem> itemInfo,
        AshbyRequestOptions? options, CancellationToken cancellationToken)
        where TRequest : class
    {
        var envelope = await Transport.SendAsync(endpoint, ToBody(request, requestInfo), options, cancellationToken).ConfigureAwait(false);
        return ReadItems(endpoint, envelope.Results, itemInfo);
    }

    internal static JsonObject? ToBody<TRequest>(TRequest? request, JsonTypeInfo<TRequest> info)
        where TRequest : class =>
        request is null ? null : JsonSerializer.SerializeToNode(request, info) as JsonObject;

    internal static T Read<T>(string endpoint, JsonElement element, JsonTypeInfo<T> info)
    {
        try
        {
            return element.Deserialize(info)
                ?? throw new JsonException("results was null.");
        }
        catch (JsonException ex)
        {
            throw AshbyErrorFactory.Shape(endpoint, ex);
        }
    }

    internal static IReadOnlyList<T> ReadItems<T>(string endpoint, JsonElement results, JsonTypeInfo<T> info)
    {
        if (results.ValueKind != JsonValueKind.Array)
        {
            throw AshbyErrorFactory.Shape(endpoint, new JsonException($"results was {results.ValueKind}, expected an array."));
        }

        var list = new List<T>(results.GetArrayLength());
        foreach (var item in results.EnumerateArray())
        {
            list.Add(Read(endpoint, item, info));
        }

        return list;
    }
}
