using Ashbridge.Emulator.Api;
using Ashbridge.Emulator.Changes;
using Ashbridge.Emulator.Data;
using Ashbridge.Emulator.Json;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;

namespace Ashbridge.Emulator.Control;

/// <summary>
/// <c>POST /_emulator/candidates/{id}/edit</c> <c>{ name?, email?, phoneNumber?, position?, company? }</c>,
/// <c>POST /_emulator/candidates/{id}/merge</c> <c>{ intoCandidateId }</c> (the candidate in the path is merged away and
/// deleted), <c>POST /_emulator/candidates/{id}/delete</c>, and the storage behind file handles:
/// <c>GET /_emulator/files/{handle}?expires&amp;signature</c> (the signed link file.info answers) and
/// <c>POST|PUT /_emulator/uploads/{handle}</c> (the presigned upload file.createFileUploadHandle answers).
/// </summary>
internal static class CandidateRoutes
{
    private const long MaxUploadBytes = 50L * 1024 * 1024;

    public static void Map(IEndpointRouteBuilder group)
    {
        var services = group.ServiceProvider.GetRequiredService<EmulatorServices>();
        var server = group.ServiceProvider.GetService<IServer>();
        FileLinks.RegisterBaseUrl(services, () => BaseUrl(server));
        MapFiles(group);
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

    private static void MapFiles(IEndpointRouteBuilder group)
    {
        group.MapGet("/files/{handle}", (string handle, HttpContext http, EmulatorServices services) =>
        {
            if (!FileLinks.IsValid(services, handle, http.Request.Query["expires"], http.Request.Query["signature"], out var expired))
            {
                return ControlApi.Error(403, expired ? "The link has expired: call file.info again for a new one." : "The link's signature does not match.");
            }

            services.Org.Gate.EnterReadLock();
            try
            {
                if (services.Org.FindFile(handle) is not { Uploaded: true } file) return ControlApi.Error(404, "No file has this handle.");
                return Results.File(GeneratedFiles.Content(file), file.ContentType, file.Name);
            }
            finally
            {
                services.Org.Gate.ExitReadLock();
            }
        }).WithName("EmulatorDownloadFile");

        group.MapMethods("/uploads/{handle}", ["POST", "PUT"], async (string handle, HttpContext http, EmulatorServices services) =>
        {
            var request = http.Request;
            byte[] content;
            string? expires = request.Query["expires"], signature = request.Query["signature"];
            if (request.HasFormContentType)
            {
                var form = await request.ReadFormAsync(http.RequestAborted);
                expires = form["expires"].FirstOrDefault() ?? expires;
                signature = form["signature"].FirstOrDefault() ?? signature;
                if (form.Files.GetFile("file") is not { } part) return ControlApi.Error(400, "The multipart body needs the file as a part named 'file'.");
                if (part.Length > MaxUploadBytes) return ControlApi.Error(413, "The file is larger than 50 MB.");
                using var buffer = new MemoryStream();
                await part.CopyToAsync(buffer, http.RequestAborted);
                content = buffer.ToArray();
            }
            else
            {
                using var buffer = new MemoryStream();
                await request.Body.CopyToAsync(buffer, http.RequestAborted);
                if (buffer.Length > MaxUploadBytes) return ControlApi.Error(413, "The file is larger than 50 MB.");
                content = buffer.ToArray();
            }

            if (!FileLinks.IsValid(services, handle, expires, signature, out var expired))
            {
                return ControlApi.Error(403, expired ? "The upload link has expired: create a new upload handle." : "The upload's signature does not match.");
            }

            return ControlApi.Change(services, ctx =>
            {
                if (!ctx.Org.FilesByHandle.TryGetValue(handle, out var file) || file.UploadContext is null) return ControlApi.Error(404, "No upload has this handle.");
                file.Content = content;
                file.Uploaded = true;
                return Results.NoContent();
            });
        }).WithName("EmulatorUploadFile").DisableAntiforgery();
    }

    /// <summary>The first address the host listens on, with a wildcard host replaced by localhost.</summary>
    private static string? BaseUrl(IServer? server)
    {
        if (server?.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault() is not { } address) return null;
        foreach (var wildcard in (string[])["://0.0.0.0:", "://[::]:", "://+:", "://*:"])
        {
            address = address.Replace(wildcard, "://localhost:", StringComparison.Ordinal);
        }

        return address;
    }
}
