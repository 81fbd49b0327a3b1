using System.Data.Common;

namespace Ashbridge.Server.Hosting;

/// <summary>An unreachable database is an outage, not a bug: 503 (try again later) rather than 500.</summary>
public static class DatabaseOutage
{
    public static int StatusFor(Exception exception) =>
        exception is DbException || exception.InnerException is DbException
            ? StatusCodes.Status503ServiceUnavailable
            : StatusCodes.Status500InternalServerError;
}
