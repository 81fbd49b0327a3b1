using Microsoft.Extensions.Logging;
using Quartz;

namespace Ashbridge.Core.AshbyUsers;

/// <summary>
/// The Quartz job behind the weekly access review e-mail: runs hourly and sends each connection's e-mail once a week has
/// passed since its last one (so a hub that was down sends it when it comes back, not a week late).
/// </summary>
[DisallowConcurrentExecution]
public sealed partial class AccessReviewDigestJob(AccessReviewDigest digest, ILogger<AccessReviewDigestJob> logger) : IJob
{
    /// <summary>The job's key.</summary>
    public static readonly JobKey Key = new("access-review-email", "users");

    /// <summary>How often the job looks for e-mails due.</summary>
    public static readonly TimeSpan CheckEvery = TimeSpan.FromHours(1);

    /// <inheritdoc />
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        try
        {
            await digest.SendDueAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not (OperationCanceledException or JobExecutionException))
        {
            Failed(logger, ex);
            throw new JobExecutionException($"The weekly access review e-mail could not be sent: {ex.Message}", ex);
        }
    }

    [LoggerMessage(1, LogLevel.Error, "The weekly access review e-mail failed")]
    private static partial void Failed(ILogger logger, Exception exception);
}
