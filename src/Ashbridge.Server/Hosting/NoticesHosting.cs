using Ashbridge.Core.Notices;

namespace Ashbridge.Server.Hosting;

/// <summary>Notices in the hub: the mail server's settings (<c>Ashbridge:Smtp</c>, validated at start) and the staleness watch.</summary>
public static class NoticesHosting
{
    public static IHostApplicationBuilder AddAshbridgeNotices(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<SmtpOptions>().BindConfiguration(SmtpOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddHostedService<OpenRoleStalenessWatch>();
        return builder;
    }
}
