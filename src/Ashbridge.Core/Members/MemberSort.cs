namespace Ashbridge.Core.Members;

/// <summary>The columns the people directory can be sorted by.</summary>
public enum MemberSort
{
    Name,
    JobTitle,
    Department,
    PlaceOfWork,
    StartDate,
    PersonalEmail,
    PersonalPhone,
    Added,
}
