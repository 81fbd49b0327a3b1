using System.Diagnostics.CodeAnalysis;

namespace Ashbridge.Core.Connections;

/// <summary>
/// What adding a connection, checking its key or replacing it came to: the connection and the pre-flight its key
/// passed, or the refusal (then nothing was stored).
/// </summary>
public sealed record ConnectionOutcome(Connection? Connection, PreflightReport? Preflight, ConnectionRefusal? Refusal)
{
    /// <summary>Whether the operation did what was asked (then <see cref="Connection"/> and <see cref="Preflight"/> are set).</summary>
    [MemberNotNullWhen(true, nameof(Connection), nameof(Preflight))]
    [MemberNotNullWhen(false, nameof(Refusal))]
    public bool Succeeded => Refusal is null;

    internal static ConnectionOutcome Refused(ConnectionRefusalKind kind, string title, string detail) => new(null, null, new ConnectionRefusal(kind, title, detail));
}
