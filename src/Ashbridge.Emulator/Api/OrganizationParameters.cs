using System.Text;
using System.Text.Json;
using Ashbridge.Emulator.Data;

namespace Ashbridge.Emulator.Api;

/// <summary>Parameter readers for departments and locations (names, <c>extraData</c>, postal addresses), in the style of <see cref="Parameters"/>.</summary>
internal static class OrganizationParameters
{
    private const int MaxExtraDataKey = 100;
    private const int MaxExtraDataValue = 512;
    private const int MaxExtraDataBytes = 1024;

    /// <summary>A required name: a non-blank string.</summary>
    public static bool RequiredName(this AshbyCall call, string name, out string text)
    {
        if (!call.RequiredString(name, out text)) return false;
        text = text.Trim();
        return text.Length > 0 || call.Fail(ErrorCodes.InvalidInput, $"{name} must not be blank");
    }

    /// <summary>An optional name: absent (null) or a non-blank string.</summary>
    public static bool OptionalName(this AshbyCall call, string name, out string? text)
    {
        if (!call.OptionalString(name, out text)) return false;
        if (text is null) return true;
        text = text.Trim();
        return text.Length > 0 || call.Fail(ErrorCodes.InvalidInput, $"{name} must not be blank");
    }

    /// <summary>
    /// <c>extraData</c>: an object of string values, keys of at most 100 characters, values of at most 512, under 1 kB in
    /// all, as Ashby documents. <paramref name="present"/> says whether it was sent (an empty object clears it).
    /// </summary>
    public static bool OptionalExtraData(this AshbyCall call, out Dictionary<string, string>? extraData, out bool present)
    {
        extraData = null;
        present = call.Present("extraData", out var value);
        if (!present) return true;
        if (value.ValueKind != JsonValueKind.Object) return call.FailParameter("extraData", "extraData must be an object of string values");
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        var size = 0;
        foreach (var property in value.EnumerateObject())
        {
            if (property.Value.ValueKind != JsonValueKind.String) return call.Fail(ErrorCodes.InvalidInput, $"extraData.{property.Name} must be a string");
            var text = property.Value.GetString()!;
            if (property.Name.Length > MaxExtraDataKey) return call.Fail(ErrorCodes.InvalidInput, $"extraData keys must be at most {MaxExtraDataKey} characters");
            if (text.Length > MaxExtraDataValue) return call.Fail(ErrorCodes.InvalidInput, $"extraData values must be at most {MaxExtraDataValue} characters");
            size += Encoding.UTF8.GetByteCount(property.Name) + Encoding.UTF8.GetByteCount(text);
            map[property.Name] = text;
        }

        if (size >= MaxExtraDataBytes) return call.Fail(ErrorCodes.InvalidInput, "extraData must be smaller than 1kb in total");
        extraData = map.Count == 0 ? null : map;
        return true;
    }

    /// <summary><c>address: { postalAddress: { addressCountry, addressRegion, addressLocality, postalCode, streetAddress } }</c>, each part optional.</summary>
    public static bool OptionalAddress(this AshbyCall call, out PostalAddress? address, bool required = false)
    {
        address = null;
        if (!call.Present("address", out var value)) return !required || call.Fail(ErrorCodes.InvalidInput, "Missing required parameter: address");
        if (value.ValueKind != JsonValueKind.Object) return call.FailParameter("address", "address must be an object");
        if (!value.TryGetProperty("postalAddress", out var postal) || postal.ValueKind == JsonValueKind.Null)
        {
            return !required || call.Fail(ErrorCodes.InvalidInput, "Missing required parameter: address.postalAddress");
        }

        if (postal.ValueKind != JsonValueKind.Object) return call.FailParameter("address.postalAddress", "address.postalAddress must be an object");
        var parts = new string?[5];
        string[] names = ["addressCountry", "addressRegion", "addressLocality", "postalCode", "streetAddress"];
        for (var i = 0; i < names.Length; i++)
        {
            if (!postal.TryGetProperty(names[i], out var part) || part.ValueKind == JsonValueKind.Null) continue;
            if (part.ValueKind != JsonValueKind.String) return call.FailParameter("address.postalAddress." + names[i], $"{names[i]} must be a string");
            parts[i] = part.GetString();
        }

        address = new PostalAddress(parts[0], parts[1], parts[2], parts[3], parts[4]);
        return true;
    }

    /// <summary>An optional <c>workplaceType</c> (OnSite, Hybrid, Remote) as its index in <see cref="Enums.WorkplaceTypes"/>.</summary>
    public static bool OptionalWorkplaceType(this AshbyCall call, out byte? workplaceType)
    {
        workplaceType = null;
        if (!call.OptionalEnum("workplaceType", Enums.WorkplaceTypes, out var text)) return false;
        if (text is not null) workplaceType = (byte)Array.IndexOf(Enums.WorkplaceTypes, text);
        return true;
    }
}
