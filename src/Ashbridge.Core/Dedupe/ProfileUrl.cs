namespace Ashbridge.Core.Dedupe;

/// <summary>
/// A profile URL reduced to what identifies the person: <c>https://uk.linkedin.com/in/Jane-Doe/?trk=x</c> and
/// <c>linkedin.com/in/jane-doe</c> are both <c>linkedin:jane-doe</c>; <c>github.com/JaneDoe/repo</c> is
/// <c>github:janedoe</c>; another site keeps its host (without <c>www.</c>) and path, without scheme, query, fragment
/// or trailing slash.
/// </summary>
public readonly record struct ProfileUrl(ProfileUrlKind Kind, string Key)
{
    /// <summary>Reads a URL, with or without its scheme; false when it is not a web address.</summary>
    public static bool TryParse(string? text, out ProfileUrl url)
    {
        url = default;
        var value = text?.Trim();
        if (string.IsNullOrEmpty(value) || value.Length > 2000 || value.Any(char.IsWhiteSpace)) return false;
        if (!value.Contains("://", StringComparison.Ordinal)) value = "https://" + value;
        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")) return false;
        var host = uri.Host.ToLowerInvariant();
        if (!host.Contains('.', StringComparison.Ordinal)) return false;
        if (host.StartsWith("www.", StringComparison.Ordinal)) host = host[4..];
        var segments = uri.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(Uri.UnescapeDataString).ToArray();

        // LinkedIn serves the same profile from locale sub-domains (uk., de., …) and the mobile site.
        if (host == "linkedin.com" || host.EndsWith(".linkedin.com", StringComparison.Ordinal))
        {
            if (segments is [var section, var slug, ..] && section.Equals("in", StringComparison.OrdinalIgnoreCase))
            {
                url = new ProfileUrl(ProfileUrlKind.LinkedIn, "linkedin:" + slug.ToLowerInvariant());
                return true;
            }
        }
        else if (host == "github.com" && segments is [var user, ..] && !user.Contains('.', StringComparison.Ordinal))
        {
            url = new ProfileUrl(ProfileUrlKind.GitHub, "github:" + user.ToLowerInvariant());
            return true;
        }

        var path = string.Join('/', segments).ToLowerInvariant();
        url = new ProfileUrl(ProfileUrlKind.Website, "web:" + (path.Length == 0 ? host : $"{host}/{path}"));
        return true;
    }
}
