namespace Ashbridge.Core.NewHires;

/// <summary>The new hire is not in the queue (or no longer pending); the message says which.</summary>
public sealed class NewHireNotFoundException : Exception
{
    public NewHireNotFoundException() { }

    public NewHireNotFoundException(string message) : base(message) { }

    public NewHireNotFoundException(string message, Exception? innerException) : base(message, innerException) { }
}
