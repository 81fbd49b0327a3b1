using Ashbridge.Emulator.Api;
using Ashbridge.Emulator.Changes;
using Ashbridge.Emulator.Json;
using Microsoft.AspNetCore.Http;

namespace Ashbridge.Emulator.Control;

/// <summary><c>POST /_emulator/job-postings/{id}/publish</c>, <c>/unpublish</c> and <c>/delete</c>.</summary>
internal static class JobPostingRoutes
{
    public static void Map(IEndpointRouteBuilder group)
    {
        group.MapPost("/job-postings/{id:guid}/publish", (Guid id, EmulatorServices services) => SetPublished(services, id, true)).WithName("EmulatorPublishPosting");
        group.MapPost("/job-postings/{id:guid}/unpublish", (Guid id, EmulatorServices services) => SetPublished(services, id, false)).WithName("EmulatorUnpublishPosting");
        group.MapPost("/job-postings/{id:guid}/delete", (Guid id, EmulatorServices services) => ControlApi.Change(services, ctx =>
        {
            if (ctx.Org.FindPosting(id) is not { } p) return ControlApi.Error(404, $"Job posting {id} was not found.");
            ctx.Events.Add(JobChanges.DeletePosting(ctx.Org, ctx.NowMs, p));
            return ControlApi.Json(w =>
            {
                w.WriteStartObject();
                w.WriteString("deletedJobPostingId", id);
                w.WriteEndObject();
            });
        })).WithName("EmulatorDeletePosting");
    }

    private static IResult SetPublished(EmulatorServices services, Guid id, bool published) => ControlApi.Change(services, ctx =>
    {
        if (ctx.Org.FindPosting(id) is not { } p) return ControlApi.Error(404, $"Job posting {id} was not found.");
        ctx.Events.Add(JobChanges.SetPublished(ctx.Org, ctx.NowMs, p, published));
        return ControlApi.Json(w => JobPostingJson.Summary(w, p));
    });
}
