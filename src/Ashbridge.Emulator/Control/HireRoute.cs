using Ashbridge.Emulator.Api;
using Ashbridge.Emulator.Changes;
using Ashbridge.Emulator.Data;
using Ashbridge.Emulator.Json;
using Microsoft.AspNetCore.Http;

namespace Ashbridge.Emulator.Control;

/// <summary>
/// <c>POST /_emulator/applications/{id}/hire</c> <c>{ startDate?, salary?, currencyCode? }</c>: accepts the offer (creating
/// one if needed) with that start date (default: 30 days from now) and salary (default 100000 USD) and moves the
/// application to Hired. Answers <c>{ application, offer }</c>.
/// </summary>
internal static class HireRoute
{
    public static void Map(IEndpointRouteBuilder group) => group.MapPost("/applications/{id:guid}/hire", async (Guid id, HttpContext http, EmulatorServices services) =>
    {
        if (await ControlApi.ReadBodyAsync(http) is not { } body) return ControlApi.BadBody();
        return ControlApi.Change(services, ctx =>
        {
            if (ctx.Org.FindApplication(id) is not { } a) return ControlApi.Error(404, $"Application {id} was not found.");
            if (a.Status == ApplicationStatus.Hired) return ControlApi.Error(409, $"Application {id} is already hired.");
            long start = ctx.NowMs + (30L * 86_400_000);
            if (body.String("startDate") is { } text)
            {
                if (!DateTimeOffset.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var parsed))
                {
                    return ControlApi.Error(400, "startDate must be an ISO-8601 date or date-time.");
                }

                start = parsed.ToUnixTimeMilliseconds();
            }

            ctx.Events.AddRange(OfferChanges.Hire(ctx.Org, ctx.NowMs, a, OrganisationGenerator.StartDate(start), body.Number("salary") ?? 100_000, body.String("currencyCode") ?? "USD"));
            var offer = ctx.Org.Offers.Last(o => o.Application == a && !o.Deleted);
            return ControlApi.Json(w =>
            {
                w.WriteStartObject();
                w.WritePropertyName("application");
                ApplicationJson.Application(w, a, Viewer.Everything);
                w.WritePropertyName("offer");
                OfferJson.Offer(w, offer);
                w.WriteEndObject();
            });
        });
    }).WithName("EmulatorHire");
}
