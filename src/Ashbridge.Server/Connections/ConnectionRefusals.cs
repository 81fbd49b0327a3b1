using Ashbridge.Core.Connections;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Ashbridge.Server.Connections;

/// <summary>A Core refusal in HTTP: its status, and the problem body the API answers with.</summary>
public static class ConnectionRefusals
{
    /// <summary>The status that fits the refusal: the caller's mistake (4xx), or Ashby's failure (502).</summary>
    public static int StatusOf(ConnectionRefusal refusal)
    {
        ArgumentNullException.ThrowIfNull(refusal);
        return refusal.Kind switch
        {
            ConnectionRefusalKind.Invalid => StatusCodes.Status400BadRequest,
            ConnectionRefusalKind.NameTaken => StatusCodes.Status409Conflict,
            ConnectionRefusalKind.KeyRefused or ConnectionRefusalKind.PermissionMissing => StatusCodes.Status422UnprocessableEntity,
            _ => StatusCodes.Status502BadGateway,
        };
    }

    /// <summary>The refusal as a problem body with its status.</summary>
    public static ProblemHttpResult Problem(ConnectionRefusal refusal) =>
        TypedResults.Problem(refusal.Detail, statusCode: StatusOf(refusal), title: refusal.Title);

    /// <summary>The answer for a connection that does not exist or that the caller may not see (the same, so nothing leaks).</summary>
    public static ProblemHttpResult NoSuchConnection(string name) =>
        TypedResults.Problem($"There is no connection named '{name}'.", statusCode: StatusCodes.Status404NotFound, title: "No such connection");
}
