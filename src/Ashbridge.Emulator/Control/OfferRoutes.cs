using Ashbridge.Emulator.Api;
using Ashbridge.Emulator.Changes;
using Ashbridge.Emulator.Data;
using Ashbridge.Emulator.Json;
using Microsoft.AspNetCore.Http;

namespace Ashbridge.Emulator.Control;

/// <summary>
/// <c>POST /_emulator/applications/{id}/offer</c> <c>{ startDate?, salary?, currencyCode? }</c>: an accepted offer for the
/// application, which stays where it is (for a hire whose offer comes later); answers the offer.
/// <c>POST /_emulator/offers/{id}/revise</c> <c>{ startDate?, salary?, currencyCode? }</c>: a new latest version of the
/// offer with those values changed (the rest kept), sent as <c>offerUpdate</c>. Answers the offer.
/// <c>GET /_emulator/reports</c>: the saved reports <c>[{ id, title }]</c> (Ashby has no endpoint listing them; their ids
/// come from the app's report URLs), for <c>report.generate</c> and <c>report.synchronous</c>.
/// </summary>
internal static class OfferRoutes
{
    public static void Map(IEndpointRouteBuilder group)
    {
        group.MapPost("/applications/{id:guid}/offer", async (Guid id, HttpContext http, EmulatorServices services) =>
        {
            if (await ControlApi.ReadBodyAsync(http) is not { } body) return ControlApi.BadBody();
            return ControlApi.Change(services, ctx =>
            {
                if (ctx.Org.FindApplication(id) is not { } a) return ControlApi.Error(404, $"Application {id} was not found.");
                if (StartDate(body, out var start) is { } error) return error;
                ctx.Events.Add([OfferChanges.Accept(ctx.Org, ctx.NowMs, a, start ?? OrganizationGenerator.StartDate(ctx.NowMs + (30L * 86_400_000)), body.Number("salary") ?? 100_000, body.String("currencyCode") ?? "USD")]);
                return ControlApi.Json(w => OfferJson.Offer(w, ctx.Org.Offers.Last(o => o.Application == a && !o.Deleted)));
            });
        }).WithName("EmulatorAcceptOffer");
        MapRevise(group);
        group.MapGet("/reports", (EmulatorServices services) =>
        {
            var org = services.Org;
            org.Gate.EnterReadLock();
            try
            {
                return ControlApi.Json(w =>
                {
                    w.WriteStartArray();
                    foreach (var r in org.Reports)
                    {
                        w.WriteStartObject();
                        w.WriteString("id", r.Id);
                        w.WriteString("title", r.Title);
                        w.WriteEndObject();
                    }

                    w.WriteEndArray();
                });
            }
            finally
            {
                org.Gate.ExitReadLock();
            }
        }).WithName("EmulatorReports");
    }

    private static IResult? StartDate(System.Text.Json.JsonElement body, out long? start)
    {
        start = null;
        if (body.String("startDate") is not { } text) return null;
        if (!DateTimeOffset.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var parsed))
        {
            return ControlApi.Error(400, "startDate must be an ISO-8601 date or date-time.");
        }

        start = OrganizationGenerator.StartDate(parsed.ToUnixTimeMilliseconds());
        return null;
    }

    private static void MapRevise(IEndpointRouteBuilder group) => group.MapPost("/offers/{id:guid}/revise", async (Guid id, HttpContext http, EmulatorServices services) =>
    {
        if (await ControlApi.ReadBodyAsync(http) is not { } body) return ControlApi.BadBody();
        return ControlApi.Change(services, ctx =>
        {
            if (ctx.Org.Offers.Find(o => o.Id == id && !o.Deleted) is not { } offer) return ControlApi.Error(404, $"Offer {id} was not found.");
            if (StartDate(body, out var start) is { } error) return error;
            ctx.Events.Add([OfferChanges.Revise(ctx.Org, ctx.NowMs, offer, start, body.Number("salary"), body.String("currencyCode"))]);
            return ControlApi.Json(w => OfferJson.Offer(w, offer));
        });
    }).WithName("EmulatorReviseOffer");
}
