using System.Collections.Concurrent;
using System.Security.Cryptography;
using Ashbridge.Core.Connections;
using Ashbridge.Core.Storage;
using Dapper;

namespace Ashbridge.Core.Webhooks;

/// <summary>
/// Each connection's webhook Secret Token, which Ashby signs its deliveries with: made on first use, encrypted at rest,
/// cached (every delivery needs it), and replaced on request.
/// </summary>
public sealed class WebhookSecrets(AshbridgeDatabase database, SecretProtector secrets, TimeProvider timeProvider)
{
    /// <summary>The Data Protection purpose of Secret Tokens (apart from API keys, so one can never decrypt as the other).</summary>
    public const string SecretPurpose = "Ashbridge.Webhooks.SecretToken.v1";

    private readonly ConcurrentDictionary<long, string> _secrets = new();

    /// <summary>Secret Tokens encrypted with the key ring beside the database.</summary>
    public static WebhookSecrets For(AshbridgeDatabase database, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(database);
        return new WebhookSecrets(database, SecretProtector.ForDataFolder(database.Location.DataFolder, SecretPurpose), timeProvider);
    }

    /// <summary>The connection's Secret Token, made on first use. Cached: every delivery needs it.</summary>
    public async Task<string> SecretAsync(long connectionId, CancellationToken cancellationToken = default)
    {
        if (_secrets.TryGetValue(connectionId, out var cached)) return cached;
        await using var db = await database.ConnectAsync(cancellationToken).ConfigureAwait(false);
        var stored = await db.ExecuteScalarAsync<string?>(new CommandDefinition(
            "SELECT secret_protected FROM webhook_settings WHERE connection_id = @connectionId", new { connectionId }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        if (stored is null)
        {
            var fresh = NewSecret();
            await db.ExecuteAsync(new CommandDefinition(
                "INSERT INTO webhook_settings (connection_id, secret_protected, created_ms) VALUES (@connectionId, @secret, @now) ON CONFLICT (connection_id) DO NOTHING",
                new { connectionId, secret = secrets.Protect(fresh), now = timeProvider.NowMs() }, cancellationToken: cancellationToken)).ConfigureAwait(false);
            stored = await db.ExecuteScalarAsync<string>(new CommandDefinition(
                "SELECT secret_protected FROM webhook_settings WHERE connection_id = @connectionId", new { connectionId }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        }

        var secret = secrets.Unprotect(stored!, $"webhook Secret Token of connection {connectionId}");
        return _secrets[connectionId] = secret;
    }

    /// <summary>Replaces the Secret Token; Ashby's webhooks must be given the new one.</summary>
    public async Task<string> RotateSecretAsync(long connectionId, CancellationToken cancellationToken = default)
    {
        await SecretAsync(connectionId, cancellationToken).ConfigureAwait(false);
        var fresh = NewSecret();
        await using var db = await database.ConnectAsync(cancellationToken).ConfigureAwait(false);
        await db.ExecuteAsync(new CommandDefinition(
            "UPDATE webhook_settings SET secret_protected = @secret WHERE connection_id = @connectionId",
            new { connectionId, secret = secrets.Protect(fresh) }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return _secrets[connectionId] = fresh;
    }

    private static string NewSecret() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
