using System.Text;
using Ashbridge.Core.NewHires;
using Ashbridge.Core.Outbound;
using Ashbridge.Core.Storage;
using Ashbridge.Testing;

namespace Ashbridge.Core.Tests.NewHires;

public sealed class AddMemberTests
{
    private const string Admin = "admin@example.com";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Adding_a_member_fills_the_directory_audits_it_and_delivers_it_signed_retrying_until_the_endpoint_answers(DatabaseProvider provider)
    {
        await using var h = await NewHireHarness.StartAsync(provider);
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.Script("members", 500);
        var secret = await h.Outbound.SetEndpointAsync(receiver.Url("members"), enabled: true, cancellationToken: Ct);
        secret.ShouldNotBeNull().ShouldStartWith("whsec_");
        (await h.Outbound.SetEndpointAsync(receiver.Url("members"), enabled: true, cancellationToken: Ct)).ShouldBeNull(); // shown once

        var (applicationId, _) = await h.ActiveApplicationAsync();
        await h.Webhooks.ControlAsync($"applications/{applicationId}/hire", new { startDate = "2027-02-01", salary = 88000, currencyCode = "GBP" });
        await h.DeliverHireAsync(applicationId);
        var hire = (await h.Review.GetAsync(h.ConnectionId, applicationId, Ct))!;

        var member = await h.Review.AddMemberAsync(h.ConnectionId, applicationId, Admin, Ct);
        member.Name.ShouldBe($"{hire.Values["first_name"]} {hire.Values["last_name"]}");
        member.StartDate.ShouldBe("2027-02-01");
        member.SalaryAmount.ShouldBe(88000m);
        member.SalaryCurrency.ShouldBe("GBP");
        (await h.Members.GetAsync(member.Id, Ct))!.ToJson().ShouldBe(member.ToJson());
        (await h.Members.ListAsync(hire.Values["personal_email"][..5], cancellationToken: Ct)).ShouldContain(m => m.Id == member.Id);
        (await h.Review.GetAsync(h.ConnectionId, applicationId, Ct))!.State.ShouldBe(NewHireState.Added);
        await Should.ThrowAsync<NewHireNotFoundException>(() => h.Review.AddMemberAsync(h.ConnectionId, applicationId, Admin, Ct)); // never two members
        (await h.Audit.ListAsync(10, Ct)).ShouldContain(e => e.Action == "member.add" && e.Actor == Admin && e.Target == $"member {member.Id}");

        var dispatcher = new OutboundDispatcher(h.Outbound, new HttpClient(), h.OutboundClock);
        (await dispatcher.ProcessDueAsync(Ct)).ShouldBe(1);
        var failed = (await h.Outbound.ListAsync(cancellationToken: Ct)).ShouldHaveSingleItem();
        (failed.State, failed.Attempts, failed.LastStatus).ShouldBe((OutboundDeliveryState.Pending, 1, 500));
        (await dispatcher.ProcessDueAsync(Ct)).ShouldBe(0); // not due before its backoff
        h.OutboundClock.Advance(OutboundDispatcher.Retries.Backoff(1));
        (await dispatcher.ProcessDueAsync(Ct)).ShouldBe(1);
        (await h.Outbound.ListAsync(cancellationToken: Ct)).ShouldHaveSingleItem().State.ShouldBe(OutboundDeliveryState.Delivered);

        var received = receiver.Received.Where(r => r.Path == "/members").ToList();
        received.Count.ShouldBe(2);
        var delivered = received[^1];
        OutboundSignature.Verify(secret, delivered.Header(OutboundSignature.Header), delivered.Body, h.OutboundClock.GetUtcNow(), TimeSpan.FromMinutes(5)).ShouldBeTrue();
        OutboundSignature.Verify("whsec_wrong", delivered.Header(OutboundSignature.Header), delivered.Body, h.OutboundClock.GetUtcNow(), TimeSpan.FromMinutes(5)).ShouldBeFalse();
        delivered.Header("Ashbridge-Event").ShouldBe("member.added");
        delivered.Json["personalEmail"]!.GetValue<string>().ShouldBe(member.PersonalEmail);
        delivered.Json["salaryAmount"]!.GetValue<decimal>().ShouldBe(88000m);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_missing_required_field_blocks_adding_until_the_reviewer_fills_it(DatabaseProvider provider)
    {
        await using var h = await NewHireHarness.StartAsync(provider);
        var (applicationId, candidate) = await h.ActiveApplicationAsync();
        await h.Webhooks.ControlAsync($"candidates/{candidate.GetProperty("id").GetString()}/edit", new { name = "Cher" });
        await h.Webhooks.ControlAsync($"applications/{applicationId}/hire", new { });
        await h.DeliverHireAsync(applicationId);
        var hire = (await h.Review.GetAsync(h.ConnectionId, applicationId, Ct))!;
        hire.Missing.ShouldBe(["last_name"]);
        hire.Status.ShouldBe(NewHireStatus.MissingFields);

        var refused = await Should.ThrowAsync<NewHireInvalidException>(() => h.Review.AddMemberAsync(h.ConnectionId, applicationId, Admin, Ct));
        refused.Problems.ShouldBe(["Last name is required; fill it in before adding the member."]);
        (await h.Members.ListAsync(cancellationToken: Ct)).ShouldBeEmpty();
        (await Should.ThrowAsync<NewHireInvalidException>(() => h.Review.SaveAsync(h.ConnectionId, applicationId, new Dictionary<string, string?> { ["personal_email"] = "cher" }, Admin, Ct)))
            .Problems.ShouldBe(["Personal email: 'cher' is not an email address."]);

        await h.Review.SaveAsync(h.ConnectionId, applicationId, new Dictionary<string, string?> { ["last_name"] = "Sarkisian" }, Admin, Ct);
        var member = await h.Review.AddMemberAsync(h.ConnectionId, applicationId, Admin, Ct);
        member.Name.ShouldBe("Cher Sarkisian");
        (await h.Outbound.ListAsync(cancellationToken: Ct)).ShouldBeEmpty(); // no endpoint set: nothing queued
    }
}
