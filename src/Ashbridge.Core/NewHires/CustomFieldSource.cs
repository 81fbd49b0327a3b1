using System.Text.Json.Serialization;

namespace Ashbridge.Core.NewHires;

/// <summary>The Ashby object a custom field is read from.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<CustomFieldSource>))]
public enum CustomFieldSource
{
    Candidate,
    Application,
    Job,
    Offer,
}
