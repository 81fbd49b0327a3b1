namespace Ashbridge.Core.Dedupe.Batches;

/// <summary>A file, mapping or decision that cannot be used as given; the message says what is wrong and what to do.</summary>
public sealed class DedupeBatchException : Exception
{
    /// <summary>Creates the exception.</summary>
    public DedupeBatchException()
    {
    }

    /// <summary>Creates the exception.</summary>
    public DedupeBatchException(string message) : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public DedupeBatchException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
