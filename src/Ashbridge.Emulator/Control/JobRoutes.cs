using Ashbridge.Emulator.Api;
using Ashbridge.Emulator.Changes;
using Ashbridge.Emulator.Data;
using Ashbridge.Emulator.Json;
using Microsoft.AspNetCore.Http;

namespace Ashbridge.Emulator.Control;

/// <summary>
/// <c>POST /_emulator/jobs</c> <c>{ title, departmentId?, locationId?, confidential? }</c> creates an open job (with plan,
/// opening and a published posting); <c>POST /_emulator/jobs/{id}/close</c> closes one (its postings are unpublished).
/// </summary>
internal static class JobRoutes
{
    public static void Map(IEndpointRouteBuilder group)
    {
        group.MapPost("/jobs", async (HttpContext http, EmulatorServices services) =>
        {
            if (await ControlApi.ReadBodyAsync(http) is not { } body) return ControlApi.BadBody();
            if (body.String("title") is not { Length: > 0 } title) return ControlApi.Error(400, "title is required.");
            return ControlApi.Change(services, ctx =>
            {
                var team = body.Guid("departmentId") is { } d ? ctx.Org.FindDepartment(d) : ctx.Org.Departments.First(x => x.Parent is not null);
                var location = body.Guid("locationId") is { } l ? ctx.Org.FindLocation(l) : ctx.Org.Locations.First(x => !x.IsHierarchy && !x.IsArchived);
                if (team is null) return ControlApi.Error(400, "departmentId is not a department of the organisation.");
                if (location is null) return ControlApi.Error(400, "locationId is not a location of the organisation.");
                var (job, events) = JobChanges.Create(ctx.Org, ctx.NowMs, title, team, location, body.Bool("confidential") ?? false);
                ctx.Events.AddRange(events);
                return ControlApi.Json(w => JobJson.Job(w, job, Viewer.Everything, includeUnpublishedPostingIds: true), 201);
            });
        }).WithName("EmulatorCreateJob");

        group.MapPost("/jobs/{id:guid}/close", (Guid id, EmulatorServices services) => ControlApi.Change(services, ctx =>
        {
            if (ctx.Org.FindJob(id) is not { } job) return ControlApi.Error(404, $"Job {id} was not found.");
            ctx.Events.AddRange(JobChanges.SetStatus(ctx.Org, ctx.NowMs, job, JobStatus.Closed));
            return ControlApi.Json(w => JobJson.Job(w, job, Viewer.Everything, includeUnpublishedPostingIds: true));
        })).WithName("EmulatorCloseJob");
    }
}
