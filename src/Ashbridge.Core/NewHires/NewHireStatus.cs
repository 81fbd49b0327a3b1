using System.Text.Json.Serialization;

namespace Ashbridge.Core.NewHires;

/// <summary>What a reviewer sees at a glance in the list.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<NewHireStatus>))]
public enum NewHireStatus
{
    /// <summary>Every enabled field has a value: ready to add.</summary>
    Complete,

    /// <summary>Some enabled fields have no value yet.</summary>
    MissingFields,

    /// <summary>Ashby changed a value since the reviewer last saved.</summary>
    ChangedSinceReview,

    Added,
    Deleted,
}
