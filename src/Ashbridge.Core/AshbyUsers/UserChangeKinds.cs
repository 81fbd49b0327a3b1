namespace Ashbridge.Core.AshbyUsers;

/// <summary>The kinds of <see cref="UserChange"/>, as stored.</summary>
public static class UserChangeKinds
{
    public const string Added = "added";
    public const string RoleChanged = "role_changed";
    public const string Deactivated = "deactivated";
    public const string Reactivated = "reactivated";
    public const string EmailChanged = "email_changed";
    public const string Renamed = "renamed";

    /// <summary>The user left Ashby's lists altogether (the mirror's deletion sweep).</summary>
    public const string Removed = "removed";
}
