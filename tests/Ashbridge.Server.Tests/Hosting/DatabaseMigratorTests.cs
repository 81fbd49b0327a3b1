using Ashbridge.Core.Storage;
using Ashbridge.Server.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Ashbridge.Server.Tests.Hosting;

/// <summary>The composition root does no I/O; the hosted migrator opens and migrates the database before anything else starts.</summary>
public sealed class DatabaseMigratorTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("ashbridge-migrator-").FullName;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Registering_and_building_the_hub_touches_no_file_and_the_migrator_starts_first_and_migrates()
    {
        var file = Path.Combine(_folder, "hub.db");
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = Environments.Production });
        builder.Configuration[MirrorHosting.DatabaseKey] = file;
        builder.AddAshbridgeConnection(); // registers a hosted service before the mirror's
        builder.AddAshbridgeMirror();
        await using var app = builder.Build();

        // The host builds every hosted service before it starts the first one.
        var hosted = app.Services.GetServices<IHostedService>().ToList();

        Directory.EnumerateFileSystemEntries(_folder).ShouldBeEmpty("no database file and no key ring before the host starts");
        var migrator = hosted[0].ShouldBeOfType<DatabaseMigrator>("the migrator must start before every other hosted service");
        await migrator.StartingAsync(Ct);
        migrator.Applied.ShouldNotBeEmpty();
        File.Exists(file).ShouldBeTrue();
        await using var again = AshbridgeDatabase.For(DatabaseLocation.SqliteFileAt(file));
        (await again.MigrateAsync(Ct)).ShouldBeEmpty("the migrator left nothing to apply");
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
