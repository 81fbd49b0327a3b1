using PhoneNumbers;

namespace Ashbridge.Core.Dedupe;

/// <summary>
/// A phone number in E.164 (<c>+14155550123</c>), parsed by libphonenumber: a number written without a country code is
/// read in the default region (a two-letter region code, "US" unless the caller knows better).
/// </summary>
public static class PhoneKey
{
    /// <summary>The region a number without a country code is read in, when nobody says otherwise.</summary>
    public const string DefaultRegion = "US";

    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();

    /// <summary>Whether <paramref name="region"/> is a region libphonenumber knows ("US", "GB", "DE"…).</summary>
    public static bool IsKnownRegion(string? region) =>
        region is { Length: 2 } && Util.GetSupportedRegions().Contains(region.ToUpperInvariant());

    /// <summary>The number in E.164; false when it cannot be a phone number in any region it names or in <paramref name="defaultRegion"/>.</summary>
    public static bool TryNormalize(string? text, string defaultRegion, out string e164)
    {
        e164 = "";
        if (string.IsNullOrWhiteSpace(text) || text.Length > 100) return false;
        try
        {
            var number = Util.Parse(text, defaultRegion.ToUpperInvariant());
            if (!Util.IsPossibleNumber(number)) return false;
            e164 = Util.Format(number, PhoneNumberFormat.E164);
            return true;
        }
        catch (NumberParseException)
        {
            return false;
        }
    }
}
