namespace Ashbridge.Core.Exports;

/// <summary>An export definition that cannot be saved; the message says what to change.</summary>
public sealed class ExportInvalidException : Exception
{
    public ExportInvalidException()
    {
    }

    public ExportInvalidException(string message)
        : base(message)
    {
    }

    public ExportInvalidException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The name is taken by another export (a conflict rather than a bad value).</summary>
    public bool NameTaken { get; init; }
}
