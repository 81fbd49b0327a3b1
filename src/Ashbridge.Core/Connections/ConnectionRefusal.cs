namespace Ashbridge.Core.Connections;

/// <summary>Why a connection operation did nothing, in words for the admin: a short title and what to do.</summary>
/// <param name="Kind">What kind of refusal it is; hosts map it to a status or an exit code.</param>
/// <param name="Title">One line saying what went wrong.</param>
/// <param name="Detail">What happened and what to do about it.</param>
public sealed record ConnectionRefusal(ConnectionRefusalKind Kind, string Title, string Detail);
