using Ashbridge.Core.AshbyUsers;
using Quartz;

namespace Ashbridge.Server.Hosting;

/// <summary>The user directory in the hub: the hourly look for weekly access review e-mails due, on the hub's Quartz scheduler.</summary>
public static class UserDirectoryHosting
{
    /// <summary>Schedules <see cref="AccessReviewDigestJob"/> (the services themselves come with the hub's core).</summary>
    public static IHostApplicationBuilder AddAshbridgeUserDirectory(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddQuartz(q =>
        {
            q.AddJob<AccessReviewDigestJob>(j => j.WithIdentity(AccessReviewDigestJob.Key).WithDescription("Weekly access review e-mails").StoreDurably());
            q.AddTrigger(t => t.ForJob(AccessReviewDigestJob.Key).WithIdentity("access-review-email", "users")
                .WithSimpleSchedule(s => s.WithInterval(AccessReviewDigestJob.CheckEvery).RepeatForever().WithMisfireInstruction(SimpleTriggerMisfireInstruction.NextWithRemainingCount)));
        });
        return builder;
    }
}
