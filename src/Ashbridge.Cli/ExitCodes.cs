using Ashbridge.Core.Connections;

namespace Ashbridge.Cli;

/// <summary>
/// Every exit code of <c>ashbridge</c>, in one place so that one number means one thing to a script. The numbers are
/// the ones the commands used before they were gathered here.
/// </summary>
internal static class ExitCodes
{
    /// <summary>It did what was asked.</summary>
    public const int Ok = 0;

    /// <summary>A sync ran but a stream failed (its checkpoint lets the next run resume).</summary>
    public const int SyncFailed = 1;

    /// <summary>The command line or a value in it is wrong (an unknown option, format, URL or stream).</summary>
    public const int Usage = 2;

    /// <summary>Ashby refused the key, or no key was given.</summary>
    public const int KeyRejected = 3;

    /// <summary>Ashby (or the emulator) could not be reached.</summary>
    public const int AshbyUnreachable = 4;

    /// <summary>The hub's database could not be opened, created or migrated.</summary>
    public const int DatabaseUnavailable = 5;

    /// <summary>Another sync of the same connection holds its lock.</summary>
    public const int AlreadyRunning = 6;

    /// <summary>The named connection, user or token does not exist.</summary>
    public const int NotFound = 7;

    /// <summary>A connection or user of that name already exists.</summary>
    public const int Exists = 8;

    /// <summary>An output file could not be written (a missing folder, no permission, a full disk).</summary>
    public const int CannotWrite = 9;

    /// <summary>Something nobody planned for went wrong (a bug, or a setting the hub cannot use); the message says what.</summary>
    public const int Unexpected = 70; // EX_SOFTWARE in sysexits.h

    /// <summary>Interrupted with Ctrl-C (SIGINT): 128 + 2, as shells report it.</summary>
    public const int Cancelled = 130;

    /// <summary>The exit code of a refused connection operation (add, check, set-key).</summary>
    public static int For(ConnectionRefusalKind kind) => kind switch
    {
        ConnectionRefusalKind.Invalid => Usage,
        ConnectionRefusalKind.NameTaken => Exists,
        ConnectionRefusalKind.KeyRefused or ConnectionRefusalKind.PermissionMissing => KeyRejected,
        _ => AshbyUnreachable,
    };
}
