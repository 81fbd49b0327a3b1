using System.Text.Json;

namespace Ashbridge.Emulator.Api;

/// <summary>Ashby's failure envelopes (success envelopes are written by <see cref="AshbyCall"/>).</summary>
internal static class Envelope
{
    public static void WriteFailure(Utf8JsonWriter w, string code, string message, string requestId)
    {
        w.WriteStartObject();
        w.WriteBoolean("success", false);
        w.WriteStartArray("errors");
        w.WriteStringValue(code);
        w.WriteEndArray();
        w.WriteStartObject("errorInfo");
        w.WriteString("code", code);
        w.WriteString("message", message);
        w.WriteString("requestId", requestId);
        w.WriteEndObject();
        w.WriteEndObject();
    }

    public static void WriteParameterFailure(Utf8JsonWriter w, string parameter, string message)
    {
        w.WriteStartObject();
        w.WriteBoolean("success", false);
        w.WriteStartArray("errors");
        w.WriteStartObject();
        w.WriteString("message", message);
        w.WriteString("parameter", parameter);
        w.WriteEndObject();
        w.WriteEndArray();
        w.WriteEndObject();
    }

    public static byte[] Failure(string code, string message, string requestId)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, Json.JsonOutput.Options)) WriteFailure(w, code, message, requestId);
        return stream.ToArray();
    }
}
