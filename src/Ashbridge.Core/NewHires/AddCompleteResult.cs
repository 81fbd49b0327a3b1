namespace Ashbridge.Core.NewHires;

/// <summary>What "add all complete" did.</summary>
/// <param name="Added">The names of the hires added as members.</param>
/// <param name="NeedFields">Pending hires left because fields are missing or a value does not fit.</param>
/// <param name="Changed">Pending hires left because Ashby changed them since the last review: look before adding.</param>
public sealed record AddCompleteResult(IReadOnlyList<string> Added, IReadOnlyList<string> NeedFields, IReadOnlyList<string> Changed)
{
    /// <summary>The result in a sentence: "Added 4 members; 2 need fields: Ann Lee, Bo Chan."</summary>
    public string Summary()
    {
        var parts = new List<string> { Added.Count == 1 ? "Added 1 member" : $"Added {Added.Count} members" };
        if (NeedFields.Count > 0) parts.Add($"{NeedFields.Count} {(NeedFields.Count == 1 ? "needs" : "need")} fields: {string.Join(", ", NeedFields)}");
        if (Changed.Count > 0) parts.Add($"{Changed.Count} changed in Ashby since the last review: {string.Join(", ", Changed)}");
        return string.Join("; ", parts) + ".";
    }
}
