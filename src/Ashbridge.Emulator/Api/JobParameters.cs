using System.Globalization;
using System.Text.Json;
using Ashbridge.Emulator.Data;

namespace Ashbridge.Emulator.Api;

/// <summary>Parameter readers the job area needs beyond the shared ones.</summary>
internal static class JobParameters
{
    /// <summary>A required single enum string.</summary>
    public static bool RequiredEnum(this AshbyCall call, string name, string[] allowed, out string text)
    {
        text = "";
        if (!call.Present(name, out _)) return call.Fail(ErrorCodes.InvalidInput, $"Missing required parameter: {name}");
        if (!call.OptionalEnum(name, allowed, out var value)) return false;
        text = value!;
        return true;
    }

    /// <summary>An optional array of UUID strings.</summary>
    public static bool OptionalGuidArray(this AshbyCall call, string name, out List<Guid> ids)
    {
        ids = [];
        if (!call.OptionalStringArray(name, out var values)) return false;
        foreach (var v in values ?? [])
        {
            if (!Guid.TryParseExact(v, "D", out var id)) return call.Fail(ErrorCodes.InvalidInput, $"{name} must contain UUIDs; '{v}' is not one");
            ids.Add(id);
        }

        return true;
    }

    /// <summary>An optional date (<c>YYYY-MM-DD</c>, or an ISO-8601 date-time) as milliseconds at UTC midnight or the instant given.</summary>
    public static bool OptionalDate(this AshbyCall call, string name, out long? ms)
    {
        ms = null;
        if (!call.OptionalString(name, out var text) || text is null) return text is null && !call.Failed;
        if (DateTime.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var date)
            || DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out date))
        {
            ms = new DateTimeOffset(date, TimeSpan.Zero).ToUnixTimeMilliseconds();
            return true;
        }

        return call.Fail(ErrorCodes.InvalidInput, $"{name} must be a date in YYYY-MM-DD format");
    }

    /// <summary>An optional employment type; Ashby's enum includes the empty string, read as FullTime (the default).</summary>
    public static bool OptionalEmploymentType(this AshbyCall call, out byte? type)
    {
        type = null;
        if (!call.OptionalEnum("employmentType", [.. Enums.EmploymentTypes, ""], out var text)) return false;
        if (text is not null) type = (byte)Math.Max(0, Enums.IndexOf(Enums.EmploymentTypes, text));
        return true;
    }

    /// <summary>A team (department) by id, or the not-found failure.</summary>
    public static bool OptionalTeam(this AshbyCall call, string name, out Department? team)
    {
        team = null;
        if (!call.OptionalGuid(name, out var id)) return false;
        if (id is null) return true;
        team = call.Org.FindDepartment(id.Value);
        return team is not null || call.NotFound(ErrorCodes.DepartmentNotFound, "Department", id.Value);
    }

    public static bool OptionalLocation(this AshbyCall call, string name, out Location? location)
    {
        location = null;
        if (!call.OptionalGuid(name, out var id)) return false;
        if (id is null) return true;
        location = call.Org.FindLocation(id.Value);
        return location is not null || call.NotFound(ErrorCodes.LocationNotFound, "Location", id.Value);
    }

    /// <summary>A job the key may see, by a required id parameter.</summary>
    public static bool RequiredJob(this AshbyCall call, string name, out Job job)
    {
        job = null!;
        if (!call.RequiredGuid(name, out var id)) return false;
        if (call.Org.FindJob(id) is not { } found || !call.CanSee(found)) return call.NotFound(ErrorCodes.JobNotFound, "Job", id);
        job = found;
        return true;
    }

    /// <summary>An opening the key may see, by the required <c>openingId</c>.</summary>
    public static bool RequiredOpening(this AshbyCall call, out Opening opening)
    {
        opening = null!;
        if (!call.RequiredGuid("openingId", out var id)) return false;
        if (call.Org.FindOpening(id) is not { } found || !call.CanSee(found)) return call.NotFound(ErrorCodes.OpeningNotFound, "Opening", id);
        opening = found;
        return true;
    }

    /// <summary>Reads an optional boolean property of a nested object (wrong type → the parameter error shape).</summary>
    public static bool NestedString(this AshbyCall call, JsonElement parent, string path, string name, out string? text)
    {
        text = null;
        if (!parent.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null) return true;
        if (value.ValueKind != JsonValueKind.String) return call.FailParameter(path + "." + name, $"{path}.{name} must be a string");
        text = value.GetString();
        return true;
    }

    public static bool NestedNumber(this AshbyCall call, JsonElement parent, string path, string name, out double? number)
    {
        number = null;
        if (!parent.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null) return true;
        if (value.ValueKind != JsonValueKind.Number) return call.FailParameter(path + "." + name, $"{path}.{name} must be a number");
        number = value.GetDouble();
        return true;
    }
}
