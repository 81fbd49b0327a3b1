using Ashbridge.Core.Connections;
using Ashbridge.Core.NewHires;
using Ashbridge.Server.Access;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Ashbridge.Server.Pages.NewHires;

/// <summary>
/// The New hires queue of a connection: tabs for pending, added and deleted hires; search, filters, sorting and pages;
/// what each hire is missing and what to look at; "Add all complete" and restoring deleted hires.
/// </summary>
[Authorize(Policy = AccessPolicies.Read)]
public sealed class IndexModel(ConnectionAccess access, NewHireReview review) : PageModel
{
    public IReadOnlyList<Connection> Connections { get; private set; } = [];

    public Connection? Connection { get; private set; }

    public NewHireQuery Query { get; private set; } = new();

    public NewHireQueuePage Result { get; private set; } = null!;

    /// <summary>The query string's words for the filters, kept for links and the toolbar.</summary>
    public string? Search { get; private set; }

    public string? StatusWord { get; private set; }

    public string? WarningWord { get; private set; }

    public bool Filtered => !string.IsNullOrWhiteSpace(Search) || StatusWord is not null || WarningWord is not null;

    public async Task<IActionResult> OnGetAsync(string? connection, string? state, string? q, string? status, string? flag, string? sort, string? order, int? page, CancellationToken ct)
    {
        Connections = [.. await access.VisibleAsync(User, ct)];
        Connection = connection is null ? (Connections.Count > 0 ? Connections[0] : null) : Connections.FirstOrDefault(c => c.Name == connection);
        if (connection is not null && Connection is null) return NotFound();
        Search = string.IsNullOrWhiteSpace(q) ? null : q.Trim();
        StatusWord = Statuses.FirstOrDefault(s => s.Word == status).Word;
        WarningWord = Warnings.FirstOrDefault(w => w.Word == flag).Word;
        var sortBy = Sorts.FirstOrDefault(s => s.Word == sort) is { Word: not null } found ? found.Sort : NewHireSort.Queued;
        Query = new NewHireQuery(
            States.FirstOrDefault(s => s.Word == state) is { Word: not null } st ? st.State : NewHireState.Pending,
            Search,
            StatusWord is null ? null : Statuses.First(s => s.Word == StatusWord).Status,
            WarningWord is null ? null : Warnings.First(w => w.Word == WarningWord).Warning,
            sortBy,
            order is "asc" or "desc" ? order == "desc" : sortBy == NewHireSort.Queued,
            page ?? 1);
        if (Connection is not null) Result = await review.SearchAsync(Connection.Id, Query, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAddCompleteAsync(string? connection, CancellationToken ct)
    {
        if (!User.MayOperate()) return Forbid();
        if (connection is null || await access.FindVisibleAsync(User, connection, ct) is not { } c) return NotFound();
        var result = await review.AddCompleteAsync(c.Id, User.Actor(), ct);
        if (result.NeedFields.Count > 0 || result.Changed.Count > 0) TempData.Warn(result.Summary());
        else TempData.Ok(result.Summary());
        return Redirect($"/new-hires/{c.Name}");
    }

    public async Task<IActionResult> OnPostRestoreAsync(string? connection, string applicationId, CancellationToken ct)
    {
        if (!User.MayOperate()) return Forbid();
        if (connection is null || await access.FindVisibleAsync(User, connection, ct) is not { } c) return NotFound();
        try
        {
            var hire = await review.RestoreAsync(c.Id, applicationId ?? "", User.Actor(), ct);
            TempData.Ok($"Restored {hire.DisplayName}: the new hire is pending again.");
        }
        catch (NewHireNotFoundException ex)
        {
            TempData.Error(ex.Message);
        }

        return Redirect($"/new-hires/{c.Name}?state=deleted");
    }

    /// <summary>This page's address with some query words changed (null removes one); the page goes back to 1 unless given.</summary>
    public string Link(string? state = "", string? q = "", string? status = "", string? flag = "", string? sort = "", string? order = "", int? page = null)
    {
        var words = new List<(string, string?)>
        {
            ("state", state == "" ? StateWord(Query.State) : state),
            ("q", q == "" ? Search : q),
            ("status", status == "" ? StatusWord : status),
            ("flag", flag == "" ? WarningWord : flag),
            ("sort", sort == "" ? SortWord(Query.Sort) : sort),
            ("order", order == "" ? (Query.Descending ? "desc" : "asc") : order),
            ("page", page is > 1 ? page.Value.ToString(System.Globalization.CultureInfo.InvariantCulture) : null),
        };
        var defaults = new Dictionary<string, string> { ["state"] = "pending", ["sort"] = "queued" };
        var query = string.Join('&', words.Where(w => w.Item2 is not null && defaults.GetValueOrDefault(w.Item1) != w.Item2 && !(w.Item1 == "order" && IsDefaultOrder(words)))
            .Select(w => $"{w.Item1}={Uri.EscapeDataString(w.Item2!)}"));
        return $"/new-hires/{Connection!.Name}" + (query.Length > 0 ? "?" + query : "");
    }

    private static bool IsDefaultOrder(List<(string Key, string? Value)> words)
    {
        var sort = words.First(w => w.Key == "sort").Value ?? "queued";
        var order = words.First(w => w.Key == "order").Value;
        return order == (sort == "queued" ? "desc" : "asc");
    }

    /// <summary>The link of a sortable column header: the other direction when it is the current sort.</summary>
    public string SortLink(NewHireSort sort) =>
        Link(sort: SortWord(sort), order: Query.Sort == sort ? (Query.Descending ? "asc" : "desc") : (sort == NewHireSort.Queued ? "desc" : "asc"));

    /// <summary>aria-sort for a column header.</summary>
    public string? AriaSort(NewHireSort sort) => Query.Sort == sort ? (Query.Descending ? "descending" : "ascending") : null;

    public static readonly (string Word, NewHireState State, string Text)[] States =
        [("pending", NewHireState.Pending, "Pending"), ("added", NewHireState.Added, "Added"), ("deleted", NewHireState.Deleted, "Deleted")];

    public static readonly (string Word, NewHireStatus Status, string Text)[] Statuses =
        [("complete", NewHireStatus.Complete, "Complete"), ("missing", NewHireStatus.MissingFields, "Missing fields"), ("changed", NewHireStatus.ChangedSinceReview, "Changed since review")];

    public static readonly (string Word, NewHireWarning Warning, string Text)[] Warnings =
        [("duplicate", NewHireWarning.PossibleDuplicate, "Possible duplicate"), ("past-start", NewHireWarning.StartDateInPast, "Start date in the past")];

    public static readonly (string Word, NewHireSort Sort)[] Sorts = [("queued", NewHireSort.Queued), ("name", NewHireSort.Name), ("start", NewHireSort.StartDate)];

    public static string StateWord(NewHireState state) => States.First(s => s.State == state).Word;

    public static string SortWord(NewHireSort sort) => Sorts.First(s => s.Sort == sort).Word;

    public static string WarningText(NewHireWarning warning) => Warnings.First(w => w.Warning == warning).Text;

    public static string StatusText(NewHireStatus status) => status switch
    {
        NewHireStatus.Complete => "Complete",
        NewHireStatus.MissingFields => "Missing fields",
        NewHireStatus.ChangedSinceReview => "Changed since review",
        NewHireStatus.Added => "Added",
        _ => "Deleted",
    };

    public static string StatusClass(NewHireStatus status) => status switch
    {
        NewHireStatus.Complete or NewHireStatus.Added => "ok",
        NewHireStatus.MissingFields or NewHireStatus.ChangedSinceReview => "warn",
        _ => "",
    };
}
