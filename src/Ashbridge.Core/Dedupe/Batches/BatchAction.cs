namespace Ashbridge.Core.Dedupe.Batches;

/// <summary>What the plan says a row will do, and what a person may decide for it.</summary>
public static class BatchAction
{
    /// <summary>Upload as a new candidate: no candidate shares a contact or a similar name.</summary>
    public const string Create = "create";

    /// <summary>Merge into the one candidate that shares an email, phone, LinkedIn or GitHub.</summary>
    public const string Merge = "merge";

    /// <summary>Nothing to write: the same row was uploaded by an earlier batch, or is an earlier row of this file.</summary>
    public const string Skip = "skip";

    /// <summary>Needs a person: several candidates share a contact, or only names are similar; a person picks create, merge or skip.</summary>
    public const string Person = "person";

    /// <summary>Cannot be written: the reasons say why.</summary>
    public const string Invalid = "invalid";
}
