using System.Text.Json;

namespace Ashbridge.Emulator.Json;

/// <summary>Writers that leave a property out when it has no value (fields Ashby's document types non-null and does not require).</summary>
internal static class JobJsonWriterExtensions
{
    public static void WriteStringIfAny(this Utf8JsonWriter w, string name, string? value)
    {
        if (value is not null) w.WriteString(name, value);
    }

    public static void WriteIdIfAny(this Utf8JsonWriter w, string name, Guid? id)
    {
        if (id is { } value) w.WriteString(name, value);
    }

    public static void WriteTimeIfAny(this Utf8JsonWriter w, string name, long? ms)
    {
        if (ms is { } value) w.WriteTime(name, value);
    }
}
