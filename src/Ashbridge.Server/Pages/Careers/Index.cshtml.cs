using Ashbridge.Core.Careers;
using Ashbridge.Server.Access;
using Ashbridge.Server.Careers;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Ashbridge.Server.Pages.Careers;

/// <summary>
/// The public careers feed as an HTML list a company website embeds in a frame: title, department, location and
/// employment type, each linking to the posting. Open to anyone, framable by any site, without the hub's navigation;
/// 404 unless the connection's public feed is on. Cacheable like the JSON feed (ETag, five minutes).
/// </summary>
[AllowAnonymous] // public on purpose, like /careers/{connection}.json
[EmbeddableAnywhere]
public sealed class IndexModel(CareersFeed feed) : PageModel
{
    public CareersFeedContent Feed { get; private set; } = new("", [], "");

    public async Task<IActionResult> OnGetAsync(string connection, CancellationToken ct)
    {
        if (await feed.FindAsync(connection, ct) is not { } content) return NotFound();
        Feed = content;
        // The HTML's tag differs from the JSON's for the same roles: a cache must not answer one with the other.
        return CareersFeedEndpoints.IsFresh(Request, Response, $"\"html-{content.ETag.Trim('"')}\"") ? StatusCode(StatusCodes.Status304NotModified) : Page();
    }

    /// <summary>Ashby's employment types in words (<c>FullTime</c> → "Full time").</summary>
    public static string? EmploymentType(string? type) => type switch
    {
        null or "" => null,
        "FullTime" => "Full time",
        "PartTime" => "Part time",
        "Intern" => "Internship",
        _ => type,
    };
}
