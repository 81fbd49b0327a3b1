using Ashbridge.Core.Notices;
using Ashbridge.Core.Storage;
using Ashbridge.Testing;
using Dapper;
using Microsoft.Extensions.DependencyInjection;

namespace Ashbridge.Server.Tests.Notices;

/// <summary>
/// The demo connection's first pass imports its open roles, which posts a notice of its own. Tests that count notices
/// wait for it and clear the board, so it holds exactly the notices they add.
/// </summary>
public static class DemoNotices
{
    public static async Task ClearAsync(HubFactory hub, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(hub);
        var board = hub.Services.GetRequiredService<NoticeBoard>();
        await Eventually.ValueAsync(() => board.ListAsync(null, cancellationToken: cancellationToken), n => n.Count > 0, TimeSpan.FromSeconds(60), "the demo's first open-roles import notice");
        await using var db = await hub.Services.GetRequiredService<AshbridgeDatabase>().ConnectAsync(cancellationToken);
        await db.ExecuteAsync(new CommandDefinition("DELETE FROM notices", cancellationToken: cancellationToken));
    }
}
