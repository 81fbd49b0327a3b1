using System.Text.Json.Serialization;

namespace Ashbridge.Core.NewHires;

/// <summary>The queue's sort orders.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<NewHireSort>))]
public enum NewHireSort
{
    /// <summary>When the hire arrived in the queue.</summary>
    Queued,

    /// <summary>First and last name.</summary>
    Name,

    /// <summary>Employment start date; hires without one last.</summary>
    StartDate,
}
