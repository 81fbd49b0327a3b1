using System.Text.Json;
using Ashbridge.Emulator.Auth;
using Ashbridge.Emulator.Webhooks;

namespace Ashbridge.Emulator.Api;

/// <summary><c>webhook.create/update/info/delete</c>, backed by the webhook registry (which pings and delivers).</summary>
internal static class WebhookEndpoints
{
    /// <summary>Every type of §6, not only the spec's shorter <c>webhook.create</c> enum (Ashby accepts jobCreate etc. in practice).</summary>
    public static readonly string[] WebhookTypes =
    [
        "applicationSubmit", "applicationUpdate", "candidateHire", "candidateStageChange", "candidateDelete", "candidateMerge",
        "interviewPlanTransition", "interviewScheduleCreate", "interviewScheduleUpdate", "jobCreate", "jobUpdate", "jobPostingPublish",
        "jobPostingUnpublish", "jobPostingUpdate", "jobPostingDelete", "offerCreate", "offerUpdate", "offerDelete", "openingCreate",
        "pushToHRIS", "surveySubmit", "signatureRequestUpdate",
    ];

    public static void Register(EndpointTable table) => table
        .Async("webhook.create", Permissions.ApiKeysWrite, CreateAsync)
        .Async("webhook.update", Permissions.ApiKeysWrite, UpdateAsync)
        .Async("webhook.info", Permissions.ApiKeysRead, InfoAsync)
        .Async("webhook.delete", Permissions.ApiKeysWrite, DeleteAsync);

    private static async Task CreateAsync(AshbyCall call, CancellationToken ct)
    {
        if (!call.OptionalEnum("webhookType", WebhookTypes, out var type) || !call.RequiredString("requestUrl", out var url) || !call.RequiredString("secretToken", out var secret)) return;
        if (type is null) { call.Fail(ErrorCodes.InvalidInput, "Missing required parameter: webhookType"); return; }
        if (!IsHttpUrl(url)) { call.Fail(ErrorCodes.InvalidInput, "requestUrl must be an absolute http(s) URL"); return; }
        if (Registry(call) is not { } registry) return;
        var setting = await registry.CreateAsync(type, url, secret, ct);
        call.Success(w => Write(w, setting, withSecret: true));
    }

    private static async Task UpdateAsync(AshbyCall call, CancellationToken ct)
    {
        if (!call.RequiredGuid("webhookId", out var id) || !call.OptionalString("requestUrl", out var url) || !call.OptionalString("secretToken", out var secret)) return;
        bool? enabled = null;
        if (call.Present("enabled", out _))
        {
            if (!call.OptionalBool("enabled", out var flag)) return;
            enabled = flag;
        }

        if (enabled is null && url is null && secret is null) { call.Fail(ErrorCodes.InvalidInput, "Give at least one of enabled, requestUrl or secretToken"); return; }
        if (secret is { Length: 0 }) { call.Fail(ErrorCodes.InvalidInput, "secretToken must not be empty"); return; }
        if (url is not null && !IsHttpUrl(url)) { call.Fail(ErrorCodes.InvalidInput, "requestUrl must be an absolute http(s) URL"); return; }
        if (Registry(call) is not { } registry) return;
        if (await registry.UpdateAsync(id.ToString(), enabled, url, secret, ct) is not { } setting) { call.NotFound(ErrorCodes.WebhookNotFound, "Webhook", id); return; }
        call.Success(w => Write(w, setting, withSecret: true));
    }

    /// <summary>Never returns the secret token.</summary>
    private static Task InfoAsync(AshbyCall call, CancellationToken ct)
    {
        if (!call.RequiredGuid("webhookId", out var id) || Registry(call) is not { } registry) return Task.CompletedTask;
        if (registry.Find(id.ToString()) is not { } setting) call.NotFound(ErrorCodes.WebhookNotFound, "Webhook", id);
        else call.Success(w => Write(w, setting, withSecret: false));
        return Task.CompletedTask;
    }

    private static Task DeleteAsync(AshbyCall call, CancellationToken ct)
    {
        if (!call.RequiredGuid("webhookId", out var id) || Registry(call) is not { } registry) return Task.CompletedTask;
        if (!registry.Delete(id.ToString())) call.NotFound(ErrorCodes.WebhookNotFound, "Webhook", id);
        else call.Success(w =>
        {
            w.WriteStartObject();
            w.WriteString("webhookId", id);
            w.WriteEndObject();
        });
        return Task.CompletedTask;
    }

    private static IWebhookRegistry? Registry(AshbyCall call)
    {
        if (call.Services.Registry is { } registry) return registry;
        call.Fail("internal_server_error", "This emulator was started without webhook support.");
        return null;
    }

    private static bool IsHttpUrl(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);

    private static void Write(Utf8JsonWriter w, WebhookSetting s, bool withSecret)
    {
        w.WriteStartObject();
        w.WriteString("id", s.Id);
        w.WriteBoolean("enabled", s.Enabled);
        w.WriteString("requestUrl", s.RequestUrl);
        // A setting made without a secret (only the control plane can) has none to show rather than a null.
        if (withSecret && s.SecretToken is { } secret) w.WriteString("secretToken", secret);
        w.WriteString("webhookType", s.WebhookType);
        w.WriteEndObject();
    }
}
