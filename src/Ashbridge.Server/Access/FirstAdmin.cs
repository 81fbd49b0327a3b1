using Ashbridge.Core.Access;

namespace Ashbridge.Server.Access;

/// <summary>
/// The first admin: from <c>Ashbridge:Admin:Email</c> and <c>Ashbridge:Admin:Password</c> when no user exists yet; with
/// neither, an admin <c>admin@ashbridge.local</c> whose generated password is written (once, readable by the owner only)
/// to <c>initial-admin-password.txt</c> in the data folder, so the out-of-the-box demo is locked and still usable.
/// </summary>
public sealed partial class FirstAdmin(UserStore users, AuditLog audit, IConfiguration configuration, Core.Storage.AshbridgeDatabase database, ILogger<FirstAdmin> logger) : IHostedService
{
    public const string DefaultEmail = "admin@ashbridge.local";

    public const string PasswordFile = "initial-admin-password.txt";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if ((await users.ListAsync(cancellationToken)).Count > 0) return;
        var email = configuration["Ashbridge:Admin:Email"] is { Length: > 0 } e ? e : DefaultEmail;
        if (configuration["Ashbridge:Admin:Password"] is { Length: > 0 } password)
        {
            await users.AddAsync(email, password, UserRole.Admin, cancellationToken);
            await audit.WriteAsync("configuration", "user.add", email, "first admin from Ashbridge:Admin", cancellationToken);
            return;
        }

        var generated = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(18)).Replace('+', '-').Replace('/', '_');
        await users.AddAsync(email, generated, UserRole.Admin, cancellationToken);
        var file = Path.Combine(database.Location.DataFolder, PasswordFile);
        Directory.CreateDirectory(database.Location.DataFolder);
        await File.WriteAllTextAsync(file, $"{email}\n{generated}\n", cancellationToken);
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        await audit.WriteAsync("hub", "user.add", email, "first admin with a generated password", cancellationToken);
        Created(logger, email, file);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(1, LogLevel.Warning, "No user existed: created the admin {Email}; its password is in {File}. Sign in, then add people with 'ashbridge user add'.")]
    private static partial void Created(ILogger logger, string email, string file);
}
