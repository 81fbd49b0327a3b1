using System.Text.Json;
using Ashbridge.Emulator.Auth;
using Ashbridge.Emulator.Data;
using Ashbridge.Emulator.Json;
using Ashbridge.Emulator.Sync;
using Ashbridge.Emulator.Webhooks;

namespace Ashbridge.Emulator.Api;

/// <summary>
/// One Ashby API call being answered: the parsed body, the calling key, the organisation, and the response being written.
/// Handlers validate first and then write; a failure discards anything written and writes the failure envelope instead.
/// </summary>
internal sealed class AshbyCall : IDisposable
{
    private readonly PooledBufferWriter _buffer = new();

    public AshbyCall(string endpoint, JsonElement body, ApiKey key, EmulatorServices services)
    {
        Endpoint = endpoint;
        Body = body;
        Key = key;
        Services = services;
        Viewer = new Viewer(key.AllowConfidential, key.AllowPrivateFields);
        Writer = new Utf8JsonWriter(_buffer, Json.JsonOutput.Options);
    }

    public string Endpoint { get; }
    public JsonElement Body { get; }
    public ApiKey Key { get; }
    public EmulatorServices Services { get; }
    public Viewer Viewer { get; }
    public Organization Org => Services.Org;
    public Utf8JsonWriter Writer { get; private set; }
    public long NowMs => Services.Options.TimeProvider.GetUtcNow().ToUnixTimeMilliseconds();

    /// <summary>The HTTP status to answer with (200 unless a handler says otherwise).</summary>
    public int Status { get; private set; } = 200;

    public bool Failed { get; private set; }

    /// <summary>Related webhook events the call caused; published once the organisation lock is released.</summary>
    public List<IReadOnlyList<WebhookEvent>> Events { get; } = [];

    public ReadOnlyMemory<byte> Output
    {
        get
        {
            Writer.Flush();
            return _buffer.WrittenMemory;
        }
    }

    /// <summary>Starts <c>{"success":true,"results":</c>; the handler writes the results value next.</summary>
    public Utf8JsonWriter BeginSuccess()
    {
        Writer.WriteStartObject();
        Writer.WriteBoolean("success", true);
        Writer.WritePropertyName("results");
        return Writer;
    }

    /// <summary>Closes the success envelope (a handler may add top-level fields such as <c>moreDataAvailable</c> first).</summary>
    public void EndSuccess() => Writer.WriteEndObject();

    /// <summary>Writes a whole success envelope around one object.</summary>
    public void Success(Action<Utf8JsonWriter> results)
    {
        results(BeginSuccess());
        EndSuccess();
    }

    /// <summary>Fails with Ashby's standard envelope: <c>errors</c> (deprecated strings) and <c>errorInfo</c>.</summary>
    public bool Fail(string code, string message, int status = 200)
    {
        Reset(status);
        Envelope.WriteFailure(Writer, code, message, RequestIds.Next(Services.Options.TimeProvider));
        return false;
    }

    /// <summary>Fails with the alternate validation shape seen in the wild: <c>errors: [{message, parameter}]</c>, no <c>errorInfo</c>.</summary>
    public bool FailParameter(string parameter, string message)
    {
        Reset(200);
        Envelope.WriteParameterFailure(Writer, parameter, message);
        return false;
    }

    public bool NotFound(string code, string what, Guid id) => Fail(code, $"{what} {id} was not found.");

    public void Publish(IReadOnlyList<WebhookEvent> related) => Events.Add(related);

    /// <summary>Returns the output buffer to the pool (after the response has been written).</summary>
    public void Dispose()
    {
        Writer.Dispose();
        _buffer.Dispose();
    }

    private void Reset(int status)
    {
        Failed = true;
        Status = status;
        _buffer.Clear();
        Writer = new Utf8JsonWriter(_buffer, Json.JsonOutput.Options);
    }
}
