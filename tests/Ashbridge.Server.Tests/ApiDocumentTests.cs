using System.Net;
using System.Text.Json;

namespace Ashbridge.Server.Tests;

/// <summary>The OpenAPI document and the reference page describe the API that is there.</summary>
public sealed class ApiDocumentTests : HubTest
{

    [Fact]
    public async Task The_openapi_document_lists_the_routes_with_their_operations()
    {
        using var document = JsonDocument.Parse(await Admin.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative), TestContext.Current.CancellationToken));

        var paths = document.RootElement.GetProperty("paths");
        paths.GetProperty("/api/connections").GetProperty("post").GetProperty("operationId").GetString().ShouldBe("AddConnection");
        paths.GetProperty("/api/connections/{name}/webhooks/replay").GetProperty("post").GetProperty("operationId").GetString().ShouldBe("ReplayWebhookEvents");
        paths.GetProperty("/webhooks/ashby/{connection}").GetProperty("post").GetProperty("operationId").GetString().ShouldBe("ReceiveAshbyWebhook");
        paths.TryGetProperty("/account/signin", out _).ShouldBeFalse(); // forms are not API
    }

    [Fact]
    public async Task The_openapi_document_shows_enums_as_their_names_only()
    {
        using var document = JsonDocument.Parse(await Admin.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative), TestContext.Current.CancellationToken));

        // The API reads enums by name only (a number is refused), so the document must not offer numbers either.
        var schemas = document.RootElement.GetProperty("components").GetProperty("schemas");
        schemas.GetProperty("SyncMode").GetProperty("enum").EnumerateArray().Select(e => e.GetString()).ShouldBe(["incremental", "full"]);
        schemas.GetProperty("UserRole").GetProperty("enum").EnumerateArray().Select(e => e.GetString()).ShouldBe(["viewer", "admin", "finance"]);
        schemas.GetProperty("MemberFieldType").GetProperty("enum").EnumerateArray().ShouldAllBe(e => e.ValueKind == JsonValueKind.String);
        schemas.GetProperty("SyncMode").GetRawText().ShouldNotContain("integer");
    }

    [Fact]
    public async Task The_reference_page_shows_each_operation_and_strangers_get_neither()
    {
        using var person = await Hub.CreateSignedInClientAsync();
        var page = await person.GetStringAsync(new Uri("/api-docs", UriKind.Relative), TestContext.Current.CancellationToken);

        page.ShouldContain("/api/connections/{name}/sync");
        page.ShouldContain("Queues a pass behind any running one");
        using var stranger = Hub.CreateAnonymousClient();
        (await stranger.GetAsync(new Uri("/openapi/v1.json", UriKind.Relative), TestContext.Current.CancellationToken)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }
}
