using Ashbridge.Core.Access;
using Ashbridge.Core.Storage;
using Ashbridge.Testing;
using Dapper;

namespace Ashbridge.Core.Tests.Access;

public sealed class AccessStoreTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Passwords_are_hashed_checked_and_refused_when_short_or_wrong(DatabaseProvider provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider, Ct);
        var users = new UserStore(test.Database, TimeProvider.System);

        var admin = await users.AddAsync(" Admin@Example.COM ", "a long enough password", UserRole.Admin, Ct);

        admin.Email.ShouldBe("admin@example.com");
        (await users.VerifyAsync("ADMIN@example.com", "a long enough password", Ct)).ShouldNotBeNull().Id.ShouldBe(admin.Id);
        (await users.VerifyAsync("admin@example.com", "a long enough passworD", Ct)).ShouldBeNull();
        (await users.VerifyAsync("nobody@example.com", "a long enough password", Ct)).ShouldBeNull();
        await Should.ThrowAsync<ArgumentException>(() => users.AddAsync("short@example.com", "short", UserRole.Viewer, Ct));
        await Should.ThrowAsync<UserExistsException>(() => users.AddAsync("admin@example.com", "another long password", UserRole.Viewer, Ct));
        await using var connection = await test.Database.ConnectAsync(Ct);
        (await connection.ExecuteScalarAsync<string>("SELECT password_hash FROM users")).ShouldNotBeNull().ShouldNotContain("a long enough password");
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_token_is_shown_once_stored_as_a_hash_limited_as_made_and_dead_once_revoked(DatabaseProvider provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider, Ct);
        var user = await new UserStore(test.Database, TimeProvider.System).AddAsync("ops@example.com", "a long enough password", UserRole.Viewer, Ct);
        var tokens = new TokenStore(test.Database, TimeProvider.System);

        var (token, record) = await tokens.CreateAsync(user, "nightly export", null, readOnly: true, Ct);

        token.ShouldStartWith(TokenStore.Prefix);
        var uses = new TokenUses();
        var identity = (await tokens.ValidateAsync(token, uses, Ct)).ShouldNotBeNull();
        (identity.User.Email, identity.ReadOnly, identity.ConnectionId).ShouldBe(("ops@example.com", true, (long?)null));
        (await tokens.ValidateAsync(token + "x", cancellationToken: Ct)).ShouldBeNull();
        await using (var connection = await test.Database.ConnectAsync(Ct))
        {
            (await connection.ExecuteScalarAsync<string>("SELECT token_hash FROM api_tokens")).ShouldNotBe(token);
        }

        // A use is noted in memory and written in a batch, never by the request itself.
        (await tokens.ListAsync(Ct)).Single().LastUsedAt.ShouldBeNull();
        (await tokens.RecordUsesAsync(uses, Ct)).ShouldBe(1);
        (await tokens.ListAsync(Ct)).Single().LastUsedAt.ShouldNotBeNull();
        (await tokens.RecordUsesAsync(uses, Ct)).ShouldBe(0);
        (await tokens.RevokeAsync(record.Id, Ct)).ShouldBeTrue();
        (await tokens.ValidateAsync(token, cancellationToken: Ct)).ShouldBeNull();
        (await tokens.RevokeAsync(record.Id, Ct)).ShouldBeFalse();
    }
}
