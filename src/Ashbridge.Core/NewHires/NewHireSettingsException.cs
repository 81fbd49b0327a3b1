namespace Ashbridge.Core.NewHires;

/// <summary>The settings were refused; the message lists why.</summary>
public sealed class NewHireSettingsException : Exception
{
    public NewHireSettingsException() { }

    public NewHireSettingsException(string message) : base(message) { }

    public NewHireSettingsException(string message, Exception? innerException) : base(message, innerException) { }
}
