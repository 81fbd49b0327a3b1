using System.Text.Json.Serialization;

namespace Ashbridge.Core.NewHires;

/// <summary>Something a reviewer should look at before adding a pending hire.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<NewHireWarning>))]
public enum NewHireWarning
{
    /// <summary>A member or another pending hire has the same personal email, or the same full name.</summary>
    PossibleDuplicate,

    /// <summary>The employment start date is before today.</summary>
    StartDateInPast,
}
