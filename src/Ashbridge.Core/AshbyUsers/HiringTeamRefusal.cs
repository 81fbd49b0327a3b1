namespace Ashbridge.Core.AshbyUsers;

/// <summary>Why a hiring team change was not made, in words an admin can act on.</summary>
public sealed record HiringTeamRefusal(HiringTeamRefusalKind Kind, string Message);
