using Ashbridge.Emulator.Api;
using Ashbridge.Emulator.Changes;
using Ashbridge.Emulator.Data;
using Ashbridge.Emulator.Json;
using Microsoft.AspNetCore.Http;

namespace Ashbridge.Emulator.Control;

/// <summary>
/// <c>POST /_emulator/applications/{id}/hire</c> <c>{ startDate?, salary?, currencyCode?, offerFields?, withOffer? }</c>:
/// accepts the offer (creating one if needed) with that start date (default: 30 days from now), salary (default 100000
/// USD) and offer custom field values by title (<c>{ "Signing Bonus": 15000 }</c>), and moves the application to
/// Hired. With <c>withOffer: false</c> it only moves the application (a hire with no offer yet). Answers
/// <c>{ application, offer }</c> (offer null without one).
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

            if (body.Bool("withOffer") == false)
            {
                ctx.Events.AddRange(OfferChanges.HireWithoutOffer(ctx.Org, ctx.NowMs, a));
                return ControlApi.Json(w =>
                {
                    w.WriteStartObject();
                    w.WritePropertyName("application");
                    ApplicationJson.Application(w, a, Viewer.Everything);
                    w.WriteNull("offer");
                    w.WriteEndObject();
                });
            }

            if (OfferFields(ctx.Org, body) is not { } fields) return ControlApi.Error(400, "offerFields must map Offer custom field titles to numbers, booleans or text.");
            ctx.Events.AddRange(OfferChanges.Hire(ctx.Org, ctx.NowMs, a, OrganizationGenerator.StartDate(start), body.Number("salary") ?? 100_000, body.String("currencyCode") ?? "USD", fields));
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

    /// <summary>Offer custom field values by title; null when one names no Offer field or has the wrong kind of value.</summary>
    private static CustomFieldValue[]? OfferFields(Organization org, System.Text.Json.JsonElement body)
    {
        if (!body.TryGetProperty("offerFields", out var fields)) return [];
        if (fields.ValueKind != System.Text.Json.JsonValueKind.Object) return null;
        var values = new List<CustomFieldValue>();
        foreach (var field in fields.EnumerateObject())
        {
            var definition = org.CustomFields.Find(f => f.ObjectType == "Offer" && f.Title == field.Name);
            var value = field.Value;
            CustomFieldValue? parsed = (definition?.FieldType, value.ValueKind) switch
            {
                ("Number" or "Currency", System.Text.Json.JsonValueKind.Number) => new CustomFieldValue(definition!, number: value.GetDouble()),
                ("Boolean", System.Text.Json.JsonValueKind.True or System.Text.Json.JsonValueKind.False) => new CustomFieldValue(definition!, bits: value.GetBoolean() ? 1 : 0),
                ("String" or "LongText", System.Text.Json.JsonValueKind.String) => new CustomFieldValue(definition!, text: value.GetString()),
                _ => null,
            };
            if (parsed is not { } v) return null;
            values.Add(v);
        }

        return [.. values];
    }
}
