using System.Text.Json;
using System.Text.Json.Serialization;

namespace Ashbridge.Ashby;

/// <summary>A form field's definition. Submit answers under <see cref="Path"/>.</summary>
public sealed partial class FormField
{
    /// <summary>Ashby's <c>id</c> (documented as always sent; kept optional so a posting without field ids still reads).</summary>
    [JsonPropertyName("id")]
    public string? Id { get; init; }

    /// <summary>The field type (e.g. <c>String</c>, <c>Email</c>, <c>File</c>, <c>ValueSelect</c>).</summary>
    [JsonPropertyName("type")]
    public required string Type { get; init; }

    /// <summary>The key of the answer in a form submission (e.g. <c>_systemfield_email</c>).</summary>
    [JsonPropertyName("path")]
    public required string Path { get; init; }

    /// <summary>Ashby's <c>humanReadablePath</c> (documented as always sent; kept optional for the same reason as <see cref="Id"/>).</summary>
    [JsonPropertyName("humanReadablePath")]
    public string? HumanReadablePath { get; init; }

    /// <summary>The label shown to the applicant.</summary>
    [JsonPropertyName("title")]
    public required string Title { get; init; }

    /// <summary>Whether the answer may be empty (Ashby's default is <see langword="true"/>).</summary>
    [JsonPropertyName("isNullable")]
    public bool? IsNullable { get; init; }

    /// <summary>The options of select fields.</summary>
    [JsonPropertyName("selectableValues")]
    public IReadOnlyList<FormFieldSelectableValue>? SelectableValues { get; init; }

    /// <summary>Fields this model does not declare, kept so they survive a round trip.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}
