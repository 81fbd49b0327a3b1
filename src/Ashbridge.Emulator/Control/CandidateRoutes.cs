using Ashbridge.Emulator.Api;
using Ashbridge.Emulator.Changes;
using Ashbridge.Emulator.Json;
using Microsoft.AspNetCore.Http;

namespace Ashbridge.Emulator.Control;

/// <summary>
/// <c>POST /_emulator/candidates/{id}/edit</c> <c>{ name?, email?, phoneNumber?, position?, company? }</c>,
/// <c>POST /_emulator/candidates/{id}/merge</c> <c>{ intoCandidateId }</c> (the candidate in the path is merged away and
/// deleted) and <c>POST /_emulator/candidates/{id}/delete</c>.
/// </summary>
internal static class CandidateRoutes
{
    public static void Map(IEndpointRouteBuilder group)
    {
        group.MapPost("/candidates/{id:guid}/edit", async (Guid id, HttpContext http, EmulatorServices services) =>
        {
            if (await ControlApi.ReadBodyAsync(http) is not { } body) return ControlApi.BadBody();
            return ControlApi.Change(services, ctx =>
            {
                if (ctx.Org.FindCandidate(id) is not { } c) return ControlApi.Error(404, $"Candidate {id} was not found.");
                CandidateChanges.Update(ctx.Org, ctx.NowMs, c, new CandidateChanges.Details(
                    Name: body.String("name"), Email: body.String("email"), PhoneNumber: body.String("phoneNumber"), Position: body.String("position"), Company: body.String("company")));
                return ControlApi.Json(w => CandidateJson.Candidate(w, c, Viewer.Everything));
            });
        }).WithName("EmulatorEditCandidate");

        group.MapPost("/candidates/{id:guid}/merge", async (Guid id, HttpContext http, EmulatorServices services) =>
        {
            if (await ControlApi.ReadBodyAsync(http) is not { } body) return ControlApi.BadBody();
            return ControlApi.Change(services, ctx =>
            {
                if (ctx.Org.FindCandidate(id) is not { } from) return ControlApi.Error(404, $"Candidate {id} was not found.");
                if (body.Guid("intoCandidateId") is not { } intoId || ctx.Org.FindCandidate(intoId) is not { } into) return ControlApi.Error(400, "intoCandidateId must name another existing candidate.");
                if (into == from) return ControlApi.Error(400, "A candidate cannot be merged into itself.");
                ctx.Events.Add(CandidateChanges.Merge(ctx.Org, ctx.NowMs, from, into));
                return ControlApi.Json(w => CandidateJson.Candidate(w, into, Viewer.Everything));
            });
        }).WithName("EmulatorMergeCandidates");

        group.MapPost("/candidates/{id:guid}/delete", (Guid id, EmulatorServices services) => ControlApi.Change(services, ctx =>
        {
            if (ctx.Org.FindCandidate(id) is not { } c) return ControlApi.Error(404, $"Candidate {id} was not found.");
            ctx.Events.AddRange(CandidateChanges.Delete(ctx.Org, ctx.NowMs, c));
            return ControlApi.Json(w =>
            {
                w.WriteStartObject();
                w.WriteString("deletedCandidateId", id);
                w.WriteEndObject();
            });
        })).WithName("EmulatorDeleteCandidate");
    }
}
