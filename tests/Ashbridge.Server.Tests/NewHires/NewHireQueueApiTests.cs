using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Ashbridge.Testing;

namespace Ashbridge.Server.Tests.NewHires;

/// <summary>The queue's list options, restoring a deleted hire and adding all complete hires, over HTTP against a real hub and an emulated Ashby.</summary>
public sealed class NewHireQueueApiTests(EmulatorFixture ashby) : HubTest, IClassFixture<EmulatorFixture>
{
    [Fact]
    public async Task The_list_searches_filters_sorts_and_pages_and_refuses_words_it_does_not_know()
    {
        await NewHireScenario.ConnectAsync(Admin, ashby);
        (await Admin.PutAsJsonAsync("/api/connections/acme/new-hires/mapping", new { disabledFields = (string[])["personal_phone", "salary_amount"], customMappings = Array.Empty<object>(), compensationTypes = Array.Empty<object>() }, Ct)).EnsureSuccessStatusCode();
        var apps = await NewHireScenario.ActiveApplicationsAsync(ashby, 3);
        await NewHireScenario.ControlAsync(ashby, $"candidates/{apps[0].CandidateId}/edit", new { name = "Cleo Qzlistable" });
        await NewHireScenario.ControlAsync(ashby, $"candidates/{apps[1].CandidateId}/edit", new { name = "Bea Qzlistbaker" });
        await NewHireScenario.ControlAsync(ashby, $"candidates/{apps[2].CandidateId}/edit", new { name = "Adaqzlist" });
        await NewHireScenario.HireAsync(Admin, ashby, apps.Select(a => a.ApplicationId));

        // The emulated organisation has hires of its own in the queue: the search keeps to this test's.
        static string[] Names(JsonElement list) => [.. list.EnumerateArray().Select(h => h.GetProperty("values").GetProperty("first_name").GetString()!)];
        Names(await Admin.GetFromJsonAsync<JsonElement>("/api/connections/acme/new-hires?q=qzlist&sort=name", Ct)).ShouldBe(["Adaqzlist", "Bea", "Cleo"]);
        Names(await Admin.GetFromJsonAsync<JsonElement>("/api/connections/acme/new-hires?q=qzlist&sort=name&order=desc", Ct)).ShouldBe(["Cleo", "Bea", "Adaqzlist"]);
        Names(await Admin.GetFromJsonAsync<JsonElement>("/api/connections/acme/new-hires?q=QZLISTBAKER", Ct)).ShouldBe(["Bea"]);
        Names(await Admin.GetFromJsonAsync<JsonElement>("/api/connections/acme/new-hires?q=qzlist&status=missing-fields", Ct)).ShouldBe(["Adaqzlist"]);
        Names(await Admin.GetFromJsonAsync<JsonElement>("/api/connections/acme/new-hires?q=qzlist&status=complete&sort=name", Ct)).ShouldBe(["Bea", "Cleo"]);

        using var second = await Admin.GetAsync(new Uri("/api/connections/acme/new-hires?q=qzlist&sort=name&page=2&pageSize=2", UriKind.Relative), Ct);
        second.Headers.GetValues("X-Total-Count").ShouldHaveSingleItem().ShouldBe("3");
        Names(await second.Content.ReadFromJsonAsync<JsonElement>(Ct)).ShouldBe(["Cleo"]);

        foreach (var bad in new[] { "state=gone", "status=added", "flag=odd", "sort=salary", "order=up", "page=0", "pageSize=1000" })
        {
            using var refused = await Admin.GetAsync(new Uri($"/api/connections/acme/new-hires?{bad}", UriKind.Relative), Ct);
            refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest, bad);
            (await refused.Content.ReadAsStringAsync(Ct)).ShouldNotContain("Parameter");
        }
    }

    [Fact]
    public async Task A_deleted_hire_is_restored_and_add_complete_adds_the_complete_ones_and_neither_is_for_viewers()
    {
        await NewHireScenario.ConnectAsync(Admin, ashby);
        (await Admin.PutAsJsonAsync("/api/connections/acme/new-hires/mapping", new { disabledFields = (string[])["personal_phone", "salary_amount"], customMappings = Array.Empty<object>(), compensationTypes = Array.Empty<object>() }, Ct)).EnsureSuccessStatusCode();
        var apps = await NewHireScenario.ActiveApplicationsAsync(ashby, 3);
        await NewHireScenario.ControlAsync(ashby, $"candidates/{apps[0].CandidateId}/edit", new { name = "Rita Qzrestore" });
        await NewHireScenario.ControlAsync(ashby, $"candidates/{apps[1].CandidateId}/edit", new { name = "Remy Qzrestore" });
        await NewHireScenario.ControlAsync(ashby, $"candidates/{apps[2].CandidateId}/edit", new { name = "Mononymqz" });
        await NewHireScenario.HireAsync(Admin, ashby, apps.Select(a => a.ApplicationId));
        (await Admin.PostAsJsonAsync("/api/users", new { email = "viewer@hub.test", password = "viewer password 123", role = "viewer" }, Ct)).EnsureSuccessStatusCode();
        using var viewer = Hub.CreateTokenClient("viewer@hub.test");

        var restore = new Uri($"/api/connections/acme/new-hires/{apps[0].ApplicationId}/restore", UriKind.Relative);
        using (var notDeleted = await Admin.PostAsync(restore, null, Ct))
        {
            notDeleted.StatusCode.ShouldBe(HttpStatusCode.NotFound);
            (await notDeleted.Content.ReadAsStringAsync(Ct)).ShouldContain("nothing to restore");
        }

        (await Admin.DeleteAsync(new Uri($"/api/connections/acme/new-hires/{apps[0].ApplicationId}", UriKind.Relative), Ct)).EnsureSuccessStatusCode();
        (await viewer.PostAsync(restore, null, Ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await Admin.GetFromJsonAsync<JsonElement>("/api/connections/acme/new-hires?state=deleted", Ct)).EnumerateArray().ShouldHaveSingleItem();
        using (var restored = await Admin.PostAsync(restore, null, Ct))
        {
            restored.StatusCode.ShouldBe(HttpStatusCode.OK);
            (await restored.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("state").GetString().ShouldBe("pending");
        }

        (await Admin.GetFromJsonAsync<JsonElement>("/api/connections/acme/new-hires?state=deleted", Ct)).EnumerateArray().ShouldBeEmpty();
        (await Admin.GetFromJsonAsync<JsonElement>("/api/audit", Ct)).EnumerateArray().Select(e => e.GetProperty("action").GetString()).ShouldContain("new-hire.restore");

        var addComplete = new Uri("/api/connections/acme/new-hires/add-complete", UriKind.Relative);
        (await viewer.PostAsync(addComplete, null, Ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        using var answer = await Admin.PostAsync(addComplete, null, Ct);
        answer.StatusCode.ShouldBe(HttpStatusCode.OK);
        var result = await answer.Content.ReadFromJsonAsync<JsonElement>(Ct);
        // The emulated organisation's own hires are in the queue too: this test's complete ones are added, the one without a last name is left.
        string[] names = ["Rita Qzrestore", "Remy Qzrestore"];
        result.GetProperty("addedNames").EnumerateArray().Select(n => n.GetString()).ShouldContain(names[0]);
        result.GetProperty("addedNames").EnumerateArray().Select(n => n.GetString()).ShouldContain(names[1]);
        result.GetProperty("added").GetInt32().ShouldBe(result.GetProperty("addedNames").GetArrayLength());
        result.GetProperty("needFieldsNames").EnumerateArray().Select(n => n.GetString()).ShouldContain("Mononymqz");
        result.GetProperty("summary").GetString()!.ShouldContain("Mononymqz");
        foreach (var (id, _) in apps.Take(2)) (await NewHireScenario.GetAsync(Admin, id)).GetProperty("state").GetString().ShouldBe("added");
        (await NewHireScenario.GetAsync(Admin, apps[2].ApplicationId)).GetProperty("state").GetString().ShouldBe("pending");
    }
}
