namespace Ashbridge.Core.Notices;

/// <summary>The kinds of notice the hub posts (the <c>notices.kind</c> column).</summary>
public static class NoticeKinds
{
    /// <summary>An import of open roles finished (with its counts).</summary>
    public const string OpenRolesImported = "open_roles_imported";

    /// <summary>An import of open roles failed.</summary>
    public const string OpenRolesImportFailed = "open_roles_import_failed";

    /// <summary>The last good import of open roles is older than the connection's threshold.</summary>
    public const string OpenRolesStale = "open_roles_stale";
}
