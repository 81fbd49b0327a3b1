namespace Ashbridge.Ashby;

/// <summary>One entry of the envelope's <c>errors</c> array: a plain string, or <c>{message, parameter}</c>.</summary>
/// <param name="Message">The error text (the string itself for string entries).</param>
/// <param name="Parameter">The offending request parameter, when Ashby names one.</param>
public sealed record AshbyErrorDetail(string Message, string? Parameter = null);
