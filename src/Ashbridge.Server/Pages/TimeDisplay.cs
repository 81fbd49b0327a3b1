using System.Globalization;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;

namespace Ashbridge.Server.Pages;

/// <summary>
/// Times on pages: a <c>&lt;time&gt;</c> element with the instant in ISO 8601, which <c>ui.js</c> shows in the viewer's
/// time zone ("3 minutes ago", the full date and time on hover). The UTC text inside is what shows without script.
/// </summary>
public static class TimeDisplay
{
    /// <summary>A relative time ("5 minutes ago").</summary>
    public static IHtmlContent Ago(DateTimeOffset? at, string none = "never") => Element(at, none, null);

    /// <summary>A date and time in the viewer's zone ("3 Dec 2026, 17:40").</summary>
    public static IHtmlContent Absolute(DateTimeOffset? at, string none = "—") => Element(at, none, "absolute");

    private static HtmlString Element(DateTimeOffset? at, string none, string? format)
    {
        if (at is not { } value) return new HtmlString(HtmlEncoder.Default.Encode(none));
        var iso = value.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        var text = value.ToUniversalTime().ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
        return new HtmlString(format is null ? $"<time datetime=\"{iso}\">{text}</time>" : $"<time datetime=\"{iso}\" data-format=\"{format}\">{text}</time>");
    }
}
