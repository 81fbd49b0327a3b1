using Ashbridge.Emulator.Auth;
using Ashbridge.Emulator.Json;

namespace Ashbridge.Emulator.Api;

/// <summary><c>apiKey.info</c>.</summary>
internal static class ApiKeyEndpoints
{
    public static void Register(EndpointTable table) => table.Read("apiKey.info", Permissions.ApiKeysRead, Info);

    private static void Info(AshbyCall call) => call.Success(w =>
    {
        w.WriteStartObject();
        w.WriteString("title", call.Key.Title);
        w.WriteTime("createdAt", call.Key.CreatedMs);
        w.WriteStartArray("scopes");
        foreach (var p in Permissions.All)
        {
            if (call.Key.Permissions.Contains(p)) w.WriteStringValue(Permissions.ToScope(p));
        }

        w.WriteEndArray();
        w.WriteEndObject();
    });
}
