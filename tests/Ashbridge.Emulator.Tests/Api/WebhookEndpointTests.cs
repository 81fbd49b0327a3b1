namespace Ashbridge.Emulator.Tests.Api;

/// <summary>webhook.create/update/info/delete through the API (delivery itself is tested under Webhooks/).</summary>
public class WebhookEndpointTests(EmulatorFixture emulator) : IClassFixture<EmulatorFixture>
{
    private string ReceiverUrl => new Uri(emulator.Host.BaseUrl, "_emulator/nowhere").ToString();

    [Fact]
    public async Task Create_returns_the_setting_with_its_secret_info_never_does_and_delete_returns_the_id()
    {
        var created = await emulator.CallAsync("webhook.create", $$"""{"webhookType":"candidateHire","requestUrl":"{{ReceiverUrl}}","secretToken":"s3cret"}""");
        created.Success.ShouldBeTrue(created.Body.ToJsonString());
        created.Result.Select(p => p.Key).Order().ShouldBe(["enabled", "id", "requestUrl", "secretToken", "webhookType"]);
        created.Result["secretToken"]!.GetValue<string>().ShouldBe("s3cret");
        created.Result["webhookType"]!.GetValue<string>().ShouldBe("candidateHire");
        var id = created.Result["id"]!.GetValue<string>();

        var info = await emulator.CallAsync("webhook.info", $$"""{"webhookId":"{{id}}"}""");
        info.Result.ContainsKey("secretToken").ShouldBeFalse();
        info.Result["requestUrl"]!.GetValue<string>().ShouldBe(ReceiverUrl);

        var updated = await emulator.CallAsync("webhook.update", $$"""{"webhookId":"{{id}}","secretToken":"n3w"}""");
        updated.Result["secretToken"]!.GetValue<string>().ShouldBe("n3w");

        var deleted = await emulator.CallAsync("webhook.delete", $$"""{"webhookId":"{{id}}"}""");
        deleted.Result.ToJsonString().ShouldBe($$"""{"webhookId":"{{id}}"}""");
        (await emulator.CallAsync("webhook.info", $$"""{"webhookId":"{{id}}"}""")).ErrorCode.ShouldBe("webhook_not_found");
    }

    [Fact]
    public async Task Create_validates_type_url_and_secret_and_needs_apiKeysWrite()
    {
        (await emulator.CallAsync("webhook.create", $$"""{"webhookType":"somethingElse","requestUrl":"{{ReceiverUrl}}","secretToken":"x"}""")).ErrorCode.ShouldBe("invalid_input");
        (await emulator.CallAsync("webhook.create", """{"webhookType":"jobCreate","requestUrl":"not a url","secretToken":"x"}""")).ErrorCode.ShouldBe("invalid_input");
        (await emulator.CallAsync("webhook.create", $$"""{"webhookType":"jobCreate","requestUrl":"{{ReceiverUrl}}"}""")).Body["errorInfo"]!["message"]!.GetValue<string>().ShouldContain("secretToken");
        (await emulator.CallAsync("webhook.create", $$"""{"webhookType":"jobCreate","requestUrl":"{{ReceiverUrl}}","secretToken":"x"}""", EmulatorFixture.NoFlagsKey)).ErrorCode.ShouldBe("missing_endpoint_permission");
        (await emulator.CallAsync("webhook.update", """{"webhookId":"00000000-0000-4000-8000-000000000000","enabled":true}""")).ErrorCode.ShouldBe("webhook_not_found");

        // An empty secret would leave the setting without one, and the answer with a null the document does not allow.
        var created = await emulator.CallAsync("webhook.create", $$"""{"webhookType":"surveySubmit","requestUrl":"{{ReceiverUrl}}","secretToken":"x"}""");
        (await emulator.CallAsync("webhook.update", $$"""{"webhookId":"{{created.Result["id"]}}","secretToken":""}""")).ErrorCode.ShouldBe("invalid_input");
    }
}
