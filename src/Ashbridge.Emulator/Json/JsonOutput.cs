using System.Text.Encodings.Web;
using System.Text.Json;

namespace Ashbridge.Emulator.Json;

/// <summary>Writer settings for everything the emulator emits.</summary>
internal static class JsonOutput
{
    /// <summary>
    /// Minimal escaping (as Ashby's own JSON: <c>+1 415…</c>, not <c>\u002B1 415…</c>). Safe here: responses are
    /// <c>application/json</c>, never embedded in HTML.
    /// </summary>
    public static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}
