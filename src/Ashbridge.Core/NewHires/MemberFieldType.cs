using System.Text.Json.Serialization;

namespace Ashbridge.Core.NewHires;

/// <summary>The type of a member field a custom mapping fills; Ashby's value is converted to it or reported as not fitting.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<MemberFieldType>))]
public enum MemberFieldType
{
    Text,
    Number,
    Date,
    Boolean,
    Money,
}
