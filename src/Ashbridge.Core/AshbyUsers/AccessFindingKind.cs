namespace Ashbridge.Core.AshbyUsers;

/// <summary>What the access review says about a user.</summary>
public enum AccessFindingKind
{
    /// <summary>Enabled in Ashby, but no active member or imported person of the hub has the email.</summary>
    NotInDirectory,

    /// <summary>Offboarded here (a member), still enabled in Ashby.</summary>
    OffboardedStillEnabled,

    /// <summary>Holds Organization Admin or Elevated Access.</summary>
    Privileged,

    /// <summary>Enabled, on no hiring team, and not updated in Ashby for the idle period.</summary>
    Idle,
}
