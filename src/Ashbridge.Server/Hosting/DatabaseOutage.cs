using System.Data.Common;

namespace Ashbridge.Server.Hosting;

/// <summary>
/// The status of an answer to an exception: an unreachable database is an outage, not a bug (503, try again later); a
/// request the hub could not read, or a value a store refused, is the caller's to fix (400; 413 and 415 for a body too
/// large or not JSON); anything else is 500.
/// </summary>
public static class DatabaseOutage
{
    public static int StatusFor(Exception exception) => exception switch
    {
        BadHttpRequestException bad => bad.StatusCode,
        _ when BadRequests.IsRefusedValue(exception) => StatusCodes.Status400BadRequest,
        DbException or { InnerException: DbException } => StatusCodes.Status503ServiceUnavailable,
        _ => StatusCodes.Status500InternalServerError,
    };

    /// <summary>A request the caller got wrong is not logged as the hub's error; its answer says what to fix.</summary>
    public static bool IsCallersMistake(Microsoft.AspNetCore.Diagnostics.ExceptionHandlerSuppressDiagnosticsContext context) =>
        context?.Exception is BadHttpRequestException || (context?.Exception is { } exception && BadRequests.IsRefusedValue(exception));
}
