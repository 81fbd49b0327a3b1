using System.Text.Json.Serialization;

namespace Ashbridge.Core.NewHires;

/// <summary>Where a new hire is: waiting for review, added as a member, or deleted by a reviewer.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<NewHireState>))]
public enum NewHireState
{
    Pending,
    Added,
    Deleted,
}
