namespace Ashbridge.Core.Access;

/// <summary>What a person may do. Compensation (salaries, offers, private custom fields) is shown to admins and finance only.</summary>
public enum UserRole
{
    /// <summary>Reads connections, run history and the features, without compensation; changes nothing.</summary>
    Viewer,

    /// <summary>Everything, compensation included.</summary>
    Admin,

    /// <summary>A viewer who also sees compensation, for headcount planning; changes nothing.</summary>
    Finance,
}
