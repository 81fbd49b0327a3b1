namespace Ashbridge.Ashby;

/// <summary>The key lacks the module permission the endpoint needs (<c>missing_endpoint_permission</c>).</summary>
public sealed class AshbyPermissionException : AshbyApiException
{
    /// <summary>Creates an exception.</summary>
    public AshbyPermissionException() { }

    /// <summary>Creates an exception with a message.</summary>
    /// <param name="message">The message.</param>
    public AshbyPermissionException(string message) : base(message) { }

    /// <summary>Creates an exception with a message and a cause.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public AshbyPermissionException(string message, Exception? innerException) : base(message, innerException) { }

    internal AshbyPermissionException(string message, AshbyErrorData data, AshbyPermissionRequirement? permission)
        : base(message, data)
    {
        RequiredPermission = permission;
    }

    /// <summary>The permission the endpoint needs, from <see cref="AshbyPermissions"/>, when the endpoint is known.</summary>
    public AshbyPermissionRequirement? RequiredPermission { get; }
}
