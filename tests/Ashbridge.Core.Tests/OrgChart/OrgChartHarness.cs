using Ashbridge.Core.Connections;
using Ashbridge.Core.OpenRoles;
using Ashbridge.Core.OrgChart;
using Ashbridge.Core.Storage;
using Ashbridge.Testing;

namespace Ashbridge.Core.Tests.OrgChart;

/// <summary>A fresh database with one connection (acme) and the org chart's services over it.</summary>
internal sealed class OrgChartHarness : IAsyncDisposable
{
    private OrgChartHarness(TestDatabase test, long connectionId)
    {
        Test = test;
        ConnectionId = connectionId;
        var roles = new OpenRoleCatalog(test.Database);
        People = new OrgChartPeople(test.Database, roles, TimeProvider.System);
        Import = new PeopleCsvImport(test.Database, People, TimeProvider.System);
        Placements = new RolePlacements(test.Database, roles, People, TimeProvider.System);
        Builder = new OrgChartBuilder(test.Database, roles, People, TimeProvider.System);
    }

    public TestDatabase Test { get; }

    public AshbridgeDatabase Database => Test.Database;

    public long ConnectionId { get; }

    public OrgChartPeople People { get; }

    public PeopleCsvImport Import { get; }

    public RolePlacements Placements { get; }

    public OrgChartBuilder Builder { get; }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static async Task<OrgChartHarness> StartAsync(DatabaseProvider provider)
    {
        var test = await TestDatabase.CreateAsync(provider, Ct);
        var store = new ConnectionStore(test.Database, SecretProtector.ForDataFolder(test.Location.DataFolder), TimeProvider.System);
        var acme = await store.AddAsync("acme", new Uri("http://127.0.0.1:9/"), "key", Ct);
        return new OrgChartHarness(test, acme.Id);
    }

    public Task<PeopleImportReport> ImportAsync(string csv, bool dryRun = false) => Import.ImportAsync(new StringReader(csv), dryRun, "admin@example.com", Ct);

    public async Task<OrgPerson> PersonAsync(string email) => await People.FindByEmailAsync(email, Ct) ?? throw new InvalidOperationException($"{email} is not in the chart.");

    public async Task<OrgChartNode> NodeAsync(string nameOrEmail, string? department = null) =>
        (await Builder.BuildAsync(department, cancellationToken: Ct)).Nodes.SingleOrDefault(n => n.Email == nameOrEmail || n.Name == nameOrEmail)
        ?? throw new InvalidOperationException($"{nameOrEmail} is not drawn.");

    public Task RoleAsync(string postingId, string title, string? jobId = null, string? department = null, string? hiringManagerEmail = null, int openOpenings = 1, bool closed = false) =>
        OrgChartSeed.UpsertOpenRoleAsync(Database, ConnectionId, postingId, title, jobId, department, hiringManagerEmail, hiringManagerEmail is null ? null : "HM " + hiringManagerEmail, openOpenings, closed, Ct);

    public Task UserAsync(string id, string email, string first, string last, bool enabled = true) => OrgChartSeed.UpsertUserAsync(Database, ConnectionId, id, email, first, last, enabled, Ct);

    public Task<long> MemberAsync(string first, string last, string email, string title, string? department = null, string? applicationId = null) =>
        OrgChartSeed.InsertMemberAsync(Database, first, last, email, title, department, applicationId is null ? null : ConnectionId, applicationId, Ct);

    public ValueTask DisposeAsync()
    {
        People.Dispose();
        return Test.DisposeAsync();
    }
}
