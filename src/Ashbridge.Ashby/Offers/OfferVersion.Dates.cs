namespace Ashbridge.Ashby;

public sealed partial class OfferVersion
{
    /// <summary>
    /// The start date as a calendar date. Ashby sends a date-time (midnight UTC) for what is a calendar day,
    /// so the UTC date is taken; converting to a local time zone would move it to the previous day west of UTC.
    /// </summary>
    /// <returns>The start date, or <see langword="null"/> when not set.</returns>
    public DateOnly? GetStartDate() => StartDate is { } d ? DateOnly.FromDateTime(d.UtcDateTime) : null;
}
