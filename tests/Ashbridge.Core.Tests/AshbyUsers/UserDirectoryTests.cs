using Ashbridge.Core.AshbyUsers;
using Ashbridge.Core.Storage;
using Ashbridge.Core.Sync;
using Ashbridge.Testing;

namespace Ashbridge.Core.Tests.AshbyUsers;

/// <summary>The directory following a real mirror on both databases: users made, changed and deactivated in Ashby, searched, and what changed since a date.</summary>
public sealed class UserDirectoryTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_user_created_changed_and_deactivated_in_Ashby_shows_in_the_directory_after_each_pass(DatabaseProvider provider)
    {
        await using var h = await UsersHarness.StartAsync(provider);
        var baseline = await h.ScalarAsync<long>("SELECT COUNT(*) FROM user_changes");
        baseline.ShouldBe(0); // the first pass is the baseline
        var start = DateTimeOffset.FromUnixTimeMilliseconds(TimeProvider.System.GetUtcNow().ToUnixTimeMilliseconds() - 1);

        var id = await h.CreateUserAsync("Robin.Quill@Example.com");
        await h.SyncAsync(SyncMode.Incremental);
        var user = (await h.Directory.FindByEmailAsync(h.Acme.Id, "robin.quill@example.com", Ct)).ShouldNotBeNull();
        (user.Id, user.Name, user.GlobalRole, user.IsEnabled).ShouldBe((id, "Robin Quill", GlobalRoles.LimitedAccess, true));

        await h.ControlAsync($"users/{id}/edit", new { globalRole = GlobalRoles.ElevatedAccess });
        await h.SyncAsync(SyncMode.Incremental);
        (await h.Directory.FindByEmailAsync(h.Acme.Id, "robin.quill@example.com", Ct))!.GlobalRole.ShouldBe(GlobalRoles.ElevatedAccess);

        await h.ControlAsync($"users/{id}/deactivate");
        await h.SyncAsync(SyncMode.Incremental);
        var deactivated = (await h.Directory.FindByEmailAsync(h.Acme.Id, "robin.quill@example.com", Ct)).ShouldNotBeNull();
        deactivated.IsEnabled.ShouldBeFalse(); // still listed: the users stream asks for deactivated users
        (await h.Directory.SearchAsync(h.Acme.Id, "robin.quill", enabledOnly: true, cancellationToken: Ct)).ShouldBeEmpty();

        var changes = await h.Directory.ChangesSinceAsync(h.Acme.Id, start, Ct);
        changes.Select(c => (c.UserId, c.Kind, c.Before, c.After)).ShouldBe(
        [
            (id, UserChangeKinds.Added, null, GlobalRoles.LimitedAccess),
            (id, UserChangeKinds.RoleChanged, GlobalRoles.LimitedAccess, GlobalRoles.ElevatedAccess),
            (id, UserChangeKinds.Deactivated, null, null),
        ]);
        (await h.Directory.ChangesSinceAsync(h.Acme.Id, changes[2].ChangedAt.AddMilliseconds(1), Ct)).ShouldBeEmpty();
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task With_an_expired_sync_token_the_healed_full_pass_brings_the_changes(DatabaseProvider provider)
    {
        await using var h = await UsersHarness.StartAsync(provider);
        var existing = (await h.IdsAsync("SELECT id FROM mirror_users WHERE connection_id = @id AND is_enabled = TRUE AND email IS NOT NULL ORDER BY id", new { id = h.Acme.Id }))[0];
        var added = await h.CreateUserAsync("late.joiner@example.com", "Late", "Joiner");
        await h.ControlAsync($"users/{existing}/deactivate");
        await h.ControlAsync("tokens/expire");

        var run = await h.SyncAsync(SyncMode.Incremental);

        var users = run.Streams.Single(s => s.Stream == "users");
        (users.Mode, users.RestartedBecause).ShouldBe((StreamPassMode.Full, "sync_token_expired"));
        (await h.Directory.FindByEmailAsync(h.Acme.Id, "late.joiner@example.com", Ct)).ShouldNotBeNull().Id.ShouldBe(added);
        var kinds = (await h.Directory.ChangesSinceAsync(h.Acme.Id, DateTimeOffset.UnixEpoch, Ct)).Select(c => (c.UserId, c.Kind)).ToList();
        kinds.ShouldBe([(existing, UserChangeKinds.Deactivated), (added, UserChangeKinds.Added)], ignoreOrder: true);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Search_finds_users_by_email_and_by_name_without_case(DatabaseProvider provider)
    {
        await using var h = await UsersHarness.StartAsync(provider);
        await h.CreateUserAsync("zed.searchable@example.com", "Zed", "Searchable_Name");
        await h.SyncAsync(SyncMode.Incremental);

        (await h.Directory.SearchAsync(h.Acme.Id, "ZED.SEARCHABLE@example.com", cancellationToken: Ct)).Single().Email.ShouldBe("zed.searchable@example.com");
        (await h.Directory.SearchAsync(h.Acme.Id, "zed search", cancellationToken: Ct)).Single().Name.ShouldBe("Zed Searchable_Name");
        // LIKE's wildcards are matched literally.
        (await h.Directory.SearchAsync(h.Acme.Id, "able_name", cancellationToken: Ct)).Count.ShouldBe(1);
        (await h.Directory.SearchAsync(h.Acme.Id, "nobody-has-this", cancellationToken: Ct)).ShouldBeEmpty();
        var all = await h.Directory.AllAsync(h.Acme.Id, Ct);
        all.Count.ShouldBe((int)await h.ScalarAsync<long>("SELECT COUNT(*) FROM mirror_users WHERE connection_id = @id AND deleted_ms IS NULL", new { id = h.Acme.Id }));
        all.ShouldContain(u => !u.IsEnabled); // the seed has deactivated users, and the directory keeps them
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Each_user_lists_the_job_hiring_teams_they_sit_on_with_their_role(DatabaseProvider provider)
    {
        await using var h = await UsersHarness.StartAsync(provider);
        var (jobId, title, json) = await h.JobWithTeamAsync();
        var (userId, role) = AshbyUserDirectory.Team(json).First();
        var email = await h.ScalarAsync<string>("SELECT email FROM mirror_users WHERE connection_id = @c AND id = @userId", new { c = h.Acme.Id, userId });

        var user = (await h.Directory.FindByEmailAsync(h.Acme.Id, email!, Ct)).ShouldNotBeNull();

        user.HiringTeams.ShouldContain(s => s.Level == HiringTeamSeat.JobLevel && s.JobId == jobId && s.JobTitle == title && s.Role == role);
        // The scan used for long lists agrees with the look-up by user.
        var all = await h.Directory.AllAsync(h.Acme.Id, Ct);
        all.Single(u => u.Id == userId).HiringTeams.ShouldBe(user.HiringTeams, ignoreOrder: true);
    }
}
