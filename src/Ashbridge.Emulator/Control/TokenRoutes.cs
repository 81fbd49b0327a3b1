using Ashbridge.Emulator.Api;

namespace Ashbridge.Emulator.Control;

/// <summary><c>POST /_emulator/tokens/expire</c>: every sync token and cursor issued so far answers <c>*_expired</c> from now on.</summary>
internal static class TokenRoutes
{
    public static void Map(IEndpointRouteBuilder group) => group.MapPost("/tokens/expire", (EmulatorServices services) => ControlApi.Change(services, ctx =>
    {
        ctx.Org.TokenEpoch++;
        return ControlApi.Json(w =>
        {
            w.WriteStartObject();
            w.WriteNumber("tokenEpoch", ctx.Org.TokenEpoch);
            w.WriteEndObject();
        });
    })).WithName("EmulatorExpireTokens");
}
