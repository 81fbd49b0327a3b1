using Ashbridge.Core.Members;
using Ashbridge.Server.Access;
using Ashbridge.Server.Api;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Ashbridge.Server.Pages.Members;

/// <summary>The people directory: every member added from a new hire, searched in every column, sorted, paged, active or offboarded.</summary>
[Authorize(Policy = AccessPolicies.Read)]
public sealed class IndexModel(MemberDirectory directory) : PageModel
{
    public const int PageSize = 50;

    public string? Search { get; private set; }

    public MemberStatus Status { get; private set; } = MemberStatus.Active;

    public MemberSort Sort { get; private set; } = MemberSort.Name;

    public bool Descending { get; private set; }

    public MemberPage Found { get; private set; } = new([], 0, 1, PageSize);

    /// <summary>Whether the directory holds anyone at all (to tell "no members yet" from "nobody matches").</summary>
    public bool AnyMembers { get; private set; }

    public bool SeesCompensation { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? q, string? status, string? sort, bool? desc, [FromQuery(Name = "page")] int? pageNumber, CancellationToken ct)
    {
        // A query string this page never makes (a typo, an old link) falls back to the defaults rather than an error page.
        Search = string.IsNullOrWhiteSpace(q) ? null : q.Trim();
        Status = status is { Length: > 0 } && MembersApi.TryName<MemberStatus>(status, out var s) ? s : MemberStatus.Active;
        Sort = sort is { Length: > 0 } && MembersApi.TryName<MemberSort>(sort, out var o) ? o : MemberSort.Name;
        Descending = desc ?? false;
        SeesCompensation = User.MaySeeCompensation();
        var visible = ConnectionAccess.VisibleIds(User);
        Found = await directory.FindAsync(new MemberQuery(Search, Status, Sort, Descending, pageNumber ?? 1, PageSize, visible), ct);
        AnyMembers = Found.Total > 0 || (await directory.FindAsync(new MemberQuery(PageSize: 1, ConnectionIds: visible), ct)).Total > 0;
        return Page();
    }

    /// <summary>This page's address with some of its parameters changed.</summary>
    public string Link(MemberStatus? status = null, MemberSort? sort = null, bool? desc = null, int? page = null, string? format = null)
    {
        var values = new List<string>();
        void Add(string key, string? value)
        {
            if (!string.IsNullOrEmpty(value)) values.Add($"{key}={Uri.EscapeDataString(value)}");
        }

        if (format is not null) Add("format", format);
        Add("q", Search);
        var st = status ?? Status;
        if (st != MemberStatus.Active || format is not null) Add("status", Name(st));
        var so = sort ?? Sort;
        if (so != MemberSort.Name) Add("sort", Name(so));
        if (desc ?? Descending) Add("desc", "true");
        if (page is > 1) Add("page", page.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var path = format is null ? "/members" : "/api/members/export";
        return values.Count == 0 ? path : $"{path}?{string.Join("&", values)}";
    }

    /// <summary>The link a column's heading sorts by: ascending, or the other way when it is the column sorted by now.</summary>
    public string SortLink(MemberSort column) => Link(sort: column, desc: column == Sort && !Descending, page: 1);

    /// <summary>The column's <c>aria-sort</c>, or null when the list is not sorted by it.</summary>
    public string? AriaSort(MemberSort column) => column == Sort ? (Descending ? "descending" : "ascending") : null;

    private static string Name<T>(T value) where T : struct, Enum
    {
        var name = value.ToString();
        return char.ToLowerInvariant(name[0]) + name[1..];
    }
}
