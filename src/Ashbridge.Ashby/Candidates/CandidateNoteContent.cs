using System.Text.Json;
using System.Text.Json.Serialization;

namespace Ashbridge.Ashby;

/// <summary>
/// A note's content and its type. Ashby also takes a bare string; the client always sends this object form so the
/// type is explicit. HTML notes keep only <c>b</c>, <c>i</c>, <c>u</c>, <c>a</c>, <c>ul</c>, <c>ol</c>, <c>li</c>,
/// <c>code</c> and <c>pre</c>; Ashby strips other elements.
/// </summary>
public sealed partial class CandidateNoteContent
{
    /// <summary>The content type: <c>text/plain</c> or <c>text/html</c>.</summary>
    [JsonPropertyName("type")]
    public required string Type { get; init; }

    /// <summary>The note itself.</summary>
    [JsonPropertyName("value")]
    public required string Value { get; init; }

    /// <summary>Fields this model does not declare, kept so they survive a round trip.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }

    /// <summary>A plain-text note.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The content.</returns>
    public static CandidateNoteContent PlainText(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return new CandidateNoteContent { Type = "text/plain", Value = text };
    }

    /// <summary>An HTML note (unsupported elements are stripped by Ashby).</summary>
    /// <param name="html">The HTML.</param>
    /// <returns>The content.</returns>
    public static CandidateNoteContent Html(string html)
    {
        ArgumentNullException.ThrowIfNull(html);
        return new CandidateNoteContent { Type = "text/html", Value = html };
    }
}
