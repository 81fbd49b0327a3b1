namespace Ashbridge.Core.Connections;

/// <summary>
/// Why a connection operation refused: each host maps the kind to its own answer (the server to an HTTP status, the
/// CLI to an exit code), so the reason is decided once, here.
/// </summary>
public enum ConnectionRefusalKind
{
    /// <summary>A value given is not usable (the name, the key's shape, the base URL); nothing was asked of Ashby.</summary>
    Invalid,

    /// <summary>A connection of that name exists.</summary>
    NameTaken,

    /// <summary>Ashby refused the API key itself.</summary>
    KeyRefused,

    /// <summary>The key works but lacks a permission the operation needs.</summary>
    PermissionMissing,

    /// <summary>Ashby gave no answer (refused, unresolvable, dropped or too slow).</summary>
    AshbyUnreachable,

    /// <summary>Ashby answered with a failure other than the key.</summary>
    AshbyFailed,
}
