using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Ashbridge.Core.Notices;
using Ashbridge.Core.OpenRoles;
using Ashbridge.Core.Storage;
using Ashbridge.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Ashbridge.Server.Tests.Notices;

/// <summary>
/// <c>/api/notices</c> on a running hub: the list newest first with the unread count, one or all marked read, bad input
/// answered 400 and unknown notices 404; and the hub's own wiring: its import observer e-mails through the SMTP server
/// its settings name (a real one, aiosmtpd).
/// </summary>
public sealed class NoticesApiTests : HubTest
{
    [Fact]
    public async Task Notices_are_listed_newest_first_with_the_unread_count_and_marked_read_one_or_all()
    {
        await DemoNotices.ClearAsync(Hub, Ct);
        var acme = await OpenRoleRows.ConnectionAsync(Hub.Services.GetRequiredService<AshbridgeDatabase>(), "acme");
        var board = Hub.Services.GetRequiredService<NoticeBoard>();
        var first = await board.AddAsync(new NewNotice(acme, NoticeKinds.OpenRolesImported, NoticeSeverity.Info, "Open roles imported: 1 new, 0 changed, 0 closed", "New:\n- Backend Engineer"), Ct);
        var second = await board.AddAsync(new NewNotice(acme, NoticeKinds.OpenRolesImportFailed, NoticeSeverity.Error, "Open roles import failed", "Why"), Ct);

        var list = await Admin.GetFromJsonAsync<JsonElement>("/api/notices", Ct);
        list.GetProperty("unread").GetInt64().ShouldBe(2);
        list.GetProperty("emailConfigured").GetBoolean().ShouldBeFalse();
        var notices = list.GetProperty("notices");
        notices.EnumerateArray().Select(n => n.GetProperty("id").GetInt64()).ShouldBe([second.Id, first.Id]);
        notices[0].GetProperty("severity").GetString().ShouldBe("error");
        notices[0].GetProperty("connectionName").GetString().ShouldBe("acme");
        notices[0].GetProperty("isRead").GetBoolean().ShouldBeFalse();

        using (var read = await Admin.PostAsync(new Uri($"/api/notices/{first.Id}/read", UriKind.Relative), null, Ct))
        {
            read.StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        var unread = await Admin.GetFromJsonAsync<JsonElement>("/api/notices?unread=true", Ct);
        unread.GetProperty("unread").GetInt64().ShouldBe(1);
        unread.GetProperty("notices").EnumerateArray().ShouldHaveSingleItem().GetProperty("id").GetInt64().ShouldBe(second.Id);

        using var all = await Admin.PostAsync(new Uri("/api/notices/read-all", UriKind.Relative), null, Ct);
        (await all.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("marked").GetInt32().ShouldBe(1);
        (await Admin.GetFromJsonAsync<JsonElement>("/api/notices", Ct)).GetProperty("unread").GetInt64().ShouldBe(0);
        (await Admin.GetFromJsonAsync<JsonElement>("/api/pulse", Ct)).GetProperty("counts").GetProperty("notices").GetInt64().ShouldBe(0);
    }

    [Fact]
    public async Task Bad_input_is_a_problem_not_an_error_and_an_unknown_notice_is_404()
    {
        using var missing = await Admin.PostAsync(new Uri("/api/notices/999999/read", UriKind.Relative), null, Ct);
        missing.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await missing.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("title").GetString().ShouldBe("No such notice");

        foreach (var query in new[] { "limit=0", "limit=100000", "unread=perhaps", "limit=many" })
        {
            using var bad = await Admin.GetAsync(new Uri($"/api/notices?{query}", UriKind.Relative), Ct);
            bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest, query);
            bad.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json", query);
        }

        using var viewer = Hub.CreateTokenClient(HubFactory.AdminEmail, readOnly: true);
        (await viewer.GetAsync(new Uri("/api/notices", UriKind.Relative), Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await viewer.PostAsync(new Uri("/api/notices/read-all", UriKind.Relative), null, Ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task The_hubs_import_observer_emails_through_the_smtp_server_its_settings_name()
    {
        await using var smtp = await SmtpTestServer.StartAsync(Ct);
        await using var hub = new HubFactory(new()
        {
            ["Ashbridge:Smtp:Host"] = "127.0.0.1",
            ["Ashbridge:Smtp:Port"] = smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Ashbridge:Smtp:Security"] = "None",
            ["Ashbridge:Smtp:From"] = "Ashbridge <hub@example.com>",
        });
        hub.StartServer();
        var database = hub.Services.GetRequiredService<AshbridgeDatabase>();
        var acme = await OpenRoleRows.ConnectionAsync(database, "acme");
        await hub.Services.GetRequiredService<OpenRolePolicy>().SaveAsync(acme, new OpenRoleSettings(false, false, null, ["ops@example.com"]), null, Ct);
        var at = hub.Services.GetRequiredService<TimeProvider>().GetUtcNow();
        var result = await OpenRoleRows.ImportAsync(database, acme, "manual", at, at, created: 3, changed: 1, closed: 2);

        // What the importer does when an import ends: every registered observer is told.
        var observers = hub.Services.GetServices<IOpenRoleImportObserver>().ToList();
        observers.OfType<OpenRoleImportNotices>().ShouldHaveSingleItem();
        foreach (var observer in observers) await observer.ImportFinishedAsync(result, Ct);

        var mail = (await smtp.WaitForMessagesAsync()).ShouldHaveSingleItem();
        mail.ShouldContain("Subject: [Ashbridge] acme: Open roles imported: 3 new, 1 changed, 2 closed");
        using var admin = hub.CreateClient();
        var list = await admin.GetFromJsonAsync<JsonElement>("/api/notices", Ct);
        list.GetProperty("emailConfigured").GetBoolean().ShouldBeTrue();
        // Only acme's: the demo connection's own first import posts a notice too.
        var notice = list.GetProperty("notices").EnumerateArray().Where(n => n.GetProperty("connectionName").GetString() == "acme").ShouldHaveSingleItem();
        notice.GetProperty("title").GetString().ShouldBe("Open roles imported: 3 new, 1 changed, 2 closed");
        notice.GetProperty("emailedAt").ValueKind.ShouldBe(JsonValueKind.String);
    }

    [Fact]
    public async Task A_mail_server_without_a_sender_stops_the_hub_at_start_saying_what_to_set()
    {
        await using var hub = new HubFactory(new() { ["Ashbridge:Smtp:Host"] = "127.0.0.1" });
        var failure = Should.Throw<Exception>(() => hub.StartServer());
        failure.ToString().ShouldContain("Ashbridge:Smtp:From must be the sender's address");
    }
}
