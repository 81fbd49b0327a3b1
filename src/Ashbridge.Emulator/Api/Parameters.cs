using System.Text.Json;

namespace Ashbridge.Emulator.Api;

/// <summary>
/// Strict body parameter readers. A missing required parameter or an invalid value (bad UUID, unknown enum value)
/// fails with <c>invalid_input</c> naming the parameter; a value of the wrong JSON type fails with the alternate
/// <c>errors:[{message, parameter}]</c> shape. <c>null</c> counts as absent for optional parameters.
/// Each reader returns false after writing the failure, so handlers read <c>if (!call.X(...)) return;</c>.
/// </summary>
internal static class Parameters
{
    public static bool Present(this AshbyCall call, string name, out JsonElement value) =>
        call.Body.TryGetProperty(name, out value) && value.ValueKind != JsonValueKind.Null;

    public static bool RequiredGuid(this AshbyCall call, string name, out Guid id)
    {
        id = default;
        if (!call.Present(name, out var value)) return call.Fail(ErrorCodes.InvalidInput, $"Missing required parameter: {name}");
        return ParseGuid(call, name, value, out id);
    }

    public static bool OptionalGuid(this AshbyCall call, string name, out Guid? id)
    {
        id = null;
        if (!call.Present(name, out var value)) return true;
        if (!ParseGuid(call, name, value, out var parsed)) return false;
        id = parsed;
        return true;
    }

    public static bool RequiredString(this AshbyCall call, string name, out string text)
    {
        text = "";
        if (!call.Present(name, out var value)) return call.Fail(ErrorCodes.InvalidInput, $"Missing required parameter: {name}");
        if (value.ValueKind != JsonValueKind.String) return call.FailParameter(name, $"{name} must be a string");
        text = value.GetString()!;
        return text.Length > 0 || call.Fail(ErrorCodes.InvalidInput, $"{name} must not be empty");
    }

    public static bool OptionalString(this AshbyCall call, string name, out string? text)
    {
        text = null;
        if (!call.Present(name, out var value)) return true;
        if (value.ValueKind != JsonValueKind.String) return call.FailParameter(name, $"{name} must be a string");
        text = value.GetString();
        return true;
    }

    public static bool OptionalBool(this AshbyCall call, string name, out bool flag, bool defaultValue = false)
    {
        flag = defaultValue;
        if (!call.Present(name, out var value)) return true;
        if (value.ValueKind is not (JsonValueKind.True or JsonValueKind.False)) return call.FailParameter(name, $"{name} must be a boolean");
        flag = value.GetBoolean();
        return true;
    }

    public static bool OptionalLong(this AshbyCall call, string name, out long? number)
    {
        number = null;
        if (!call.Present(name, out var value)) return true;
        if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt64(out var parsed)) return call.FailParameter(name, $"{name} must be an integer");
        number = parsed;
        return true;
    }

    public static bool OptionalNumber(this AshbyCall call, string name, out double? number)
    {
        number = null;
        if (!call.Present(name, out var value)) return true;
        if (value.ValueKind != JsonValueKind.Number) return call.FailParameter(name, $"{name} must be a number");
        number = value.GetDouble();
        return true;
    }

    /// <summary>An optional array of strings; when <paramref name="allowed"/> is given every value must be one of them.</summary>
    public static bool OptionalStringArray(this AshbyCall call, string name, out string[]? values, string[]? allowed = null)
    {
        values = null;
        if (!call.Present(name, out var value)) return true;
        if (value.ValueKind != JsonValueKind.Array) return call.FailParameter(name, $"{name} must be an array of strings");
        var list = new List<string>();
        foreach (var item in value.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.String) return call.FailParameter(name, $"{name} must be an array of strings");
            var s = item.GetString()!;
            if (allowed is not null && !allowed.Contains(s)) return call.Fail(ErrorCodes.InvalidInput, $"{name} contains '{s}'; allowed values: {string.Join(", ", allowed)}");
            list.Add(s);
        }

        values = [.. list];
        return true;
    }

    /// <summary>An optional single enum string.</summary>
    public static bool OptionalEnum(this AshbyCall call, string name, string[] allowed, out string? text)
    {
        if (!call.OptionalString(name, out text)) return false;
        return text is null || allowed.Contains(text) || call.Fail(ErrorCodes.InvalidInput, $"{name} must be one of: {string.Join(", ", allowed)}");
    }

    private static bool ParseGuid(AshbyCall call, string name, JsonElement value, out Guid id)
    {
        id = default;
        if (value.ValueKind != JsonValueKind.String) return call.FailParameter(name, $"{name} must be a string (a UUID)");
        return Guid.TryParseExact(value.GetString(), "D", out id) || call.Fail(ErrorCodes.InvalidInput, $"{name} must be a UUID");
    }
}
