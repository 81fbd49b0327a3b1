using System.Globalization;
using System.Text.Json;

namespace Ashbridge.Emulator.Json;

/// <summary>Small helpers so shape writers read like the JSON they produce.</summary>
internal static class JsonWriterExtensions
{
    /// <summary>Writes an ISO-8601 UTC timestamp with milliseconds, e.g. <c>2026-01-02T03:04:05.678Z</c>, as Ashby does.</summary>
    public static void WriteTime(this Utf8JsonWriter w, string name, long ms)
    {
        Span<char> buffer = stackalloc char[24];
        DateTime.UnixEpoch.AddMilliseconds(ms).TryFormat(buffer, out var written, "yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
        w.WriteString(name, buffer[..written]);
    }

    public static void WriteTime(this Utf8JsonWriter w, string name, long? ms)
    {
        if (ms is { } value) w.WriteTime(name, value);
        else w.WriteNull(name);
    }

    public static void WriteTimeValue(this Utf8JsonWriter w, long ms)
    {
        Span<char> buffer = stackalloc char[24];
        DateTime.UnixEpoch.AddMilliseconds(ms).TryFormat(buffer, out var written, "yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
        w.WriteStringValue(buffer[..written]);
    }

    public static void WriteStringOrNull(this Utf8JsonWriter w, string name, string? value)
    {
        if (value is null) w.WriteNull(name);
        else w.WriteString(name, value);
    }

    public static void WriteIdOrNull(this Utf8JsonWriter w, string name, Guid? id)
    {
        if (id is { } value) w.WriteString(name, value);
        else w.WriteNull(name);
    }

    /// <summary>Formats a time for messages and stored strings.</summary>
    public static string FormatTime(long ms) =>
        DateTime.UnixEpoch.AddMilliseconds(ms).ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
