namespace Ashbridge.Ashby;

/// <summary>A NumberRange (<c>number-range</c>) or CompensationRange (<c>compensation-range</c>) custom field value.</summary>
/// <param name="Type">Ashby's <c>type</c>: <c>number-range</c> or <c>compensation-range</c>.</param>
/// <param name="MinValue">The lower bound.</param>
/// <param name="MaxValue">The upper bound.</param>
/// <param name="CurrencyCode">The currency (compensation ranges).</param>
/// <param name="Interval">The interval (compensation ranges, see <see cref="CompensationInterval"/>).</param>
public sealed record CustomFieldRange(string Type, decimal? MinValue, decimal? MaxValue, string? CurrencyCode, string? Interval);
