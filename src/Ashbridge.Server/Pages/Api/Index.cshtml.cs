using Ashbridge.Server.Access;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;

namespace Ashbridge.Server.Pages.Api;

/// <summary>
/// The API reference, read from the same endpoint metadata as the OpenAPI document (<c>/openapi/v1.json</c>), so
/// the two cannot disagree; served by the hub itself, with no script from elsewhere.
/// </summary>
[Authorize(Policy = AccessPolicies.Read)]
public sealed class IndexModel(EndpointDataSource endpoints) : PageModel
{
    public sealed record Operation(string Method, string Route, string Summary, string Name);

    public IReadOnlyList<(string Tag, IReadOnlyList<Operation> Operations)> Groups { get; private set; } = [];

    public void OnGet()
    {
        Groups = [.. endpoints.Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<IExcludeFromDescriptionMetadata>() is not { ExcludeFromDescription: true }
                && e.Metadata.GetMetadata<ITagsMetadata>() is not null
                && e.Metadata.GetMetadata<HttpMethodMetadata>() is not null)
            .SelectMany(e => e.Metadata.GetMetadata<HttpMethodMetadata>()!.HttpMethods.Select(m => (
                Tag: e.Metadata.GetMetadata<ITagsMetadata>()!.Tags[0],
                Operation: new Operation(m, "/" + e.RoutePattern.RawText!.TrimStart('/'), e.Metadata.GetMetadata<IEndpointSummaryMetadata>()?.Summary ?? "",
                    e.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName ?? ""))))
            .GroupBy(x => x.Tag)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => (g.Key, (IReadOnlyList<Operation>)[.. g.Select(x => x.Operation).OrderBy(o => o.Route, StringComparer.Ordinal).ThenBy(o => o.Method, StringComparer.Ordinal)]))];
    }
}
