using System.Xml.Linq;
using Ashbridge.Core.Access;
using Ashbridge.Core.Storage;
using Ashbridge.Testing;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Ashbridge.Core.Tests.Access;

/// <summary>Taking access back: role changes, resets, disabling and removal end sessions and tokens; lockout; the key ring at rest.</summary>
public sealed class UserLifecycleTests
{
    private const string Password = "a long enough password";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_role_change_a_password_reset_and_disabling_each_end_sessions_and_tokens_made_before(DatabaseProvider provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider, Ct);
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2026-12-01T09:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        var users = new UserStore(test.Database, time);
        var sessions = new SessionStore(test.Database, time);
        var tokens = new TokenStore(test.Database, time);
        await users.AddAsync("boss@example.com", Password, UserRole.Admin, Ct);
        var ops = await users.AddAsync("ops@example.com", Password, UserRole.Admin, Ct);

        async Task<(string Session, string Token)> SignInAsync()
        {
            var user = (await users.SignInAsync("ops@example.com", Password, Ct)).User.ShouldNotBeNull();
            return (await sessions.StartAsync(user, Ct), (await tokens.CreateAsync(user, "script", null, false, Ct)).Token);
        }

        async Task ShouldBeLiveAsync((string Session, string Token) access, bool live)
        {
            ((await sessions.ValidateAsync(access.Session, Ct)) is not null).ShouldBe(live);
            ((await tokens.ValidateAsync(access.Token, cancellationToken: Ct)) is not null).ShouldBe(live);
        }

        var first = await SignInAsync();
        await ShouldBeLiveAsync(first, true);
        (await users.ChangeRoleAsync(ops.Id, UserRole.Viewer, Ct)).Role.ShouldBe(UserRole.Viewer);
        await ShouldBeLiveAsync(first, false);

        var second = await SignInAsync();
        (await sessions.ValidateAsync(second.Session, Ct)).ShouldNotBeNull().Role.ShouldBe(UserRole.Viewer);
        await users.ResetPasswordAsync(ops.Id, "another long password", Ct);
        await ShouldBeLiveAsync(second, false);
        (await users.VerifyAsync("ops@example.com", Password, Ct)).ShouldBeNull();
        await users.ResetPasswordAsync(ops.Id, Password, Ct);

        var third = await SignInAsync();
        await users.SetDisabledAsync(ops.Id, true, Ct);
        await ShouldBeLiveAsync(third, false);
        (await users.SignInAsync("ops@example.com", Password, Ct)).Outcome.ShouldBe(SignInOutcome.Refused);
        await users.SetDisabledAsync(ops.Id, false, Ct);
        await ShouldBeLiveAsync(third, false); // enabling again does not revive what disabling ended

        var fourth = await SignInAsync();
        await sessions.EndAsync(fourth.Session, Ct);
        (await sessions.ValidateAsync(fourth.Session, Ct)).ShouldBeNull();
        (await tokens.ValidateAsync(fourth.Token, cancellationToken: Ct)).ShouldNotBeNull(); // sign-out ends the session, not the person's tokens

        await users.RemoveAsync(ops.Id, Ct);
        (await tokens.ValidateAsync(fourth.Token, cancellationToken: Ct)).ShouldBeNull();
        (await users.FindAsync(ops.Id, Ct)).ShouldBeNull();
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_last_active_admin_cannot_be_demoted_disabled_or_removed(DatabaseProvider provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider, Ct);
        var users = new UserStore(test.Database, TimeProvider.System);
        var admin = await users.AddAsync("boss@example.com", Password, UserRole.Admin, Ct);
        var viewer = await users.AddAsync("reader@example.com", Password, UserRole.Viewer, Ct);

        (await Should.ThrowAsync<UserChangeRefusedException>(() => users.ChangeRoleAsync(admin.Id, UserRole.Finance, Ct))).Message.ShouldContain("only active admin");
        await Should.ThrowAsync<UserChangeRefusedException>(() => users.SetDisabledAsync(admin.Id, true, Ct));
        await Should.ThrowAsync<UserChangeRefusedException>(() => users.RemoveAsync(admin.Id, Ct));
        await Should.ThrowAsync<ArgumentException>(() => users.ChangeRoleAsync(viewer.Id, (UserRole)7, Ct));

        await users.ChangeRoleAsync(viewer.Id, UserRole.Admin, Ct);
        (await users.SetDisabledAsync(admin.Id, true, Ct)).Disabled.ShouldBeTrue();
        await Should.ThrowAsync<UserChangeRefusedException>(() => users.RemoveAsync(viewer.Id, Ct));
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Wrong_passwords_lock_the_account_with_doubling_backoff_even_against_the_right_one(DatabaseProvider provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider, Ct);
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2026-12-01T09:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        var users = new UserStore(test.Database, time);
        await users.AddAsync("ops@example.com", Password, UserRole.Viewer, Ct);

        for (var i = 1; i < UserStore.FailuresBeforeLockout; i++)
        {
            (await users.SignInAsync("ops@example.com", "wrong password " + i, Ct)).Outcome.ShouldBe(SignInOutcome.Refused);
        }

        var locked = await users.SignInAsync("ops@example.com", "wrong again", Ct);
        locked.Outcome.ShouldBe(SignInOutcome.LockedOut);
        locked.LockedUntil.ShouldBe(time.GetUtcNow() + UserStore.FirstLockout);
        (await users.SignInAsync("ops@example.com", Password, Ct)).Outcome.ShouldBe(SignInOutcome.LockedOut);

        time.Advance(UserStore.FirstLockout);
        var doubled = await users.SignInAsync("ops@example.com", "still wrong", Ct);
        doubled.LockedUntil.ShouldBe(time.GetUtcNow() + (UserStore.FirstLockout * 2));

        time.Advance(UserStore.FirstLockout * 2);
        (await users.SignInAsync("ops@example.com", Password, Ct)).Outcome.ShouldBe(SignInOutcome.SignedIn);
        (await users.SignInAsync("ops@example.com", "one wrong after", Ct)).Outcome.ShouldBe(SignInOutcome.Refused); // the count started again
    }

    [Fact]
    public async Task The_key_ring_is_stored_encrypted_and_reads_back_only_with_its_key()
    {
        await using var test = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, Ct);
        var key = KeyRingKey.From(null, test.Folder);
        File.Exists(Path.Combine(test.Folder, KeyRingKey.FileName)).ShouldBeTrue();
        if (!OperatingSystem.IsWindows())
        {
            File.GetUnixFileMode(Path.Combine(test.Folder, KeyRingKey.FileName)).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        var secret = new XElement("key", new XElement("masterKey", "c2VjcmV0IGtleSBtYXRlcmlhbA=="));
        var ring = new DatabaseKeyRing(test.Database);
        var sealedInfo = new KeyRingEncryptor(key).Encrypt(secret);
        ring.StoreElement(sealedInfo.EncryptedElement, "key-1");

        await using (var connection = await test.Database.ConnectAsync(Ct))
        {
            (await connection.ExecuteScalarAsync<string>("SELECT xml FROM data_protection_keys")).ShouldNotBeNull().ShouldNotContain("c2VjcmV0IGtleSBtYXRlcmlhbA==");
        }

        var stored = ring.GetAllElements().Single();
        var services = new ServiceCollection().AddSingleton(key).BuildServiceProvider();
        new KeyRingDecryptor(services).Decrypt(stored).ToString().ShouldBe(secret.ToString());

        var otherFolder = Directory.CreateTempSubdirectory("ashbridge-other-").FullName;
        try
        {
            var otherKey = KeyRingKey.From(null, otherFolder);
            var others = new ServiceCollection().AddSingleton(otherKey).BuildServiceProvider();
            Should.Throw<System.Security.Cryptography.CryptographicException>(() => new KeyRingDecryptor(others).Decrypt(stored));
        }
        finally
        {
            Directory.Delete(otherFolder, recursive: true);
        }

        Should.Throw<FormatException>(() => KeyRingKey.From("not base64 at all", test.Folder)).Message.ShouldContain("openssl rand -base64 32");
        KeyRingKey.From(Convert.ToBase64String(new byte[32]), test.Folder).Bytes.Length.ShouldBe(32);
    }
}
