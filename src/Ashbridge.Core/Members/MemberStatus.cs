namespace Ashbridge.Core.Members;

/// <summary>Which members a list shows: those still with the organisation, those offboarded, or both.</summary>
public enum MemberStatus
{
    Active,
    Offboarded,
    All,
}
