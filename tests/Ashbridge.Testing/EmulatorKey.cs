using System.Text.Json;
using System.Text.Json.Serialization;

namespace Ashbridge.Testing;

/// <summary>One entry of the emulator's keys file (see docs/concepts/emulator.md).</summary>
public sealed record EmulatorKey(
    [property: JsonPropertyName("key")] string Key,
    [property: JsonPropertyName("title")] string Title,
    [property: JsonPropertyName("permissions")] IReadOnlyList<string> Permissions,
    [property: JsonPropertyName("allowConfidential")] bool AllowConfidential = false,
    [property: JsonPropertyName("allowPrivateFields")] bool AllowPrivateFields = false,
    [property: JsonPropertyName("deactivated")] bool Deactivated = false)
{
    /// <summary>Every permission Ashby documents, as the keys file names them.</summary>
    public static IReadOnlyList<string> EveryPermission { get; } =
    [
        "candidatesRead", "candidatesWrite", "candidatesDelete", "jobsRead", "jobsWrite", "interviewsRead", "interviewsWrite",
        "hiringProcessMetadataRead", "hiringProcessMetadataWrite", "organizationRead", "organizationWrite", "offersRead", "offersWrite",
        "apiKeysRead", "apiKeysWrite", "approvalsRead", "approvalsWrite", "reportsRead", "notetakerRead",
    ];

    /// <summary>A key with every permission and both access flags.</summary>
    public static EmulatorKey Full(string key, string title = "Full access") => new(key, title, EveryPermission, AllowConfidential: true, AllowPrivateFields: true);

    /// <summary>Writes a keys file holding <paramref name="keys"/>.</summary>
    public static void WriteFile(string path, IEnumerable<EmulatorKey> keys) => File.WriteAllText(path, JsonSerializer.Serialize(keys));
}
