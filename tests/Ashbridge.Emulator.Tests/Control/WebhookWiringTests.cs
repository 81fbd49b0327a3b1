using Ashbridge.Emulator.Tests.Webhooks;

namespace Ashbridge.Emulator.Tests.Control;

/// <summary>End to end: a change made through the control API reaches a webhook receiver with Ashby's related events.</summary>
public class WebhookWiringTests(EmulatorFixture emulator) : IClassFixture<EmulatorFixture>
{
    [Fact]
    public async Task A_hire_is_delivered_as_candidateHire_and_candidateStageChange_sharing_one_webhookActionId()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        foreach (var type in new[] { "candidateHire", "candidateStageChange" })
        {
            var created = await emulator.CallAsync("webhook.create", $$"""{"webhookType":"{{type}}","requestUrl":"{{receiver.Url(type)}}","secretToken":"secret-{{type}}"}""");
            created.Result["enabled"]!.GetValue<bool>().ShouldBeTrue(created.Body.ToJsonString());
        }

        var app = (await emulator.ReadAllAsync("application.list", "\"status\":\"Active\"")).Rows[0];
        (await emulator.ControlAsync($"applications/{app["id"]}/hire", """{"startDate":"2027-02-01","salary":99000}""")).Status.ShouldBe(200);
        (await emulator.ControlAsync("webhooks/flush")).Status.ShouldBe(200);

        var hire = receiver.Deliveries("candidateHire").Single().Json;
        hire["action"]!.GetValue<string>().ShouldBe("candidateHire");
        hire["data"]!["application"]!["id"]!.GetValue<string>().ShouldBe(app["id"]!.GetValue<string>());
        hire["data"]!["application"]!["status"]!.GetValue<string>().ShouldBe("Hired");
        hire["data"]!["offer"]!["latestVersion"]!["startDate"]!.GetValue<string>().ShouldBe("2027-02-01T00:00:00.000Z");
        var stageChange = receiver.Deliveries("candidateStageChange").Single().Json;
        stageChange["webhookActionId"]!.GetValue<string>().ShouldBe(hire["webhookActionId"]!.GetValue<string>());
        receiver.Deliveries("candidateHire").Single().Header("Ashby-Signature")!.ShouldStartWith("sha256=");
    }
}
