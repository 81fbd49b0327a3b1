namespace Ashbridge.Core.OpenRoles;

/// <summary>An import of open roles could not finish (Ashby refused a description, the connection is gone); nothing was changed.</summary>
public sealed class OpenRoleImportException : Exception
{
    public OpenRoleImportException()
    {
    }

    public OpenRoleImportException(string message)
        : base(message)
    {
    }

    public OpenRoleImportException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
