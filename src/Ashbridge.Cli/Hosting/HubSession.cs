using Ashbridge.Core;
using Ashbridge.Core.Storage;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace Ashbridge.Cli.Hosting;

/// <summary>The hub's services over the chosen database, for one command.</summary>
internal sealed class HubSession : IAsyncDisposable
{
    /// <summary>Exit code: the database could not be opened.</summary>
    public const int DatabaseUnavailable = ExitCodes.DatabaseUnavailable;

    private readonly ServiceProvider _services;

    private HubSession(ServiceProvider services) => _services = services;

    public T Get<T>() where T : notnull => _services.GetRequiredService<T>();

    /// <summary>Opens the database (migrating it) or prints why it cannot and returns null.</summary>
    public static async Task<HubSession?> OpenAsync(IAnsiConsole console, string? database, CancellationToken cancellationToken)
    {
        try
        {
            var location = DatabaseOption.Resolve(database);
            // Migrated before the services are composed, as the hub's migrator does before anything starts.
            var opened = await AshbridgeDatabase.OpenAsync(location, cancellationToken);
            var services = new ServiceCollection().AddLogging().AddAshbridgeMirror(opened).BuildServiceProvider();
            return new HubSession(services);
        }
        catch (Exception ex) when (ex is FormatException or DatabaseUnavailableException)
        {
            console.MarkupLineInterpolated($"[red]{ex.Message}[/]");
            return null;
        }
    }

    public async ValueTask DisposeAsync()
    {
        var database = _services.GetRequiredService<AshbridgeDatabase>();
        await _services.DisposeAsync();
        await database.DisposeAsync();
    }
}
