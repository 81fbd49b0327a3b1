using System.Text.Json;

namespace Ashbridge.Ashby.Tests.CustomFields;

public class CustomFieldsClientTests
{
    [Fact]
    public async Task Info_sends_customFieldId_and_reads_the_definition()
    {
        await using var server = await ScriptedAshbyServer.StartAsync();
        server.Enqueue(Ok("""{"id":"cf1","title":"Level","objectType":"Candidate","isArchived":false,"fieldType":"ValueSelect","isRequired":false,"selectableValues":[{"label":"Senior","value":"senior","isArchived":false}]}"""));
        using var client = TestClient.Create(server);

        var field = await client.CustomFields.InfoAsync(new CustomFieldInfoRequest { CustomFieldId = "cf1" }, cancellationToken: TestClient.Ct);

        server.Requests.Single().Path.ShouldBe("/customField.info");
        server.Requests.Single().Body.ShouldBe("""{"customFieldId":"cf1"}""");
        field.FieldType.ShouldBe(CustomFieldType.ValueSelect);
        field.SelectableValues!.Single().Value.ShouldBe("senior");
    }

    [Fact]
    public async Task Info_maps_an_unknown_field_to_invalid_input()
    {
        await using var server = await ScriptedAshbyServer.StartAsync();
        server.Enqueue(Error("invalid_input", "Custom field cf9 was not found."));
        using var client = TestClient.Create(server);

        await Should.ThrowAsync<AshbyInvalidInputException>(() => client.CustomFields.InfoAsync(new CustomFieldInfoRequest { CustomFieldId = "cf9" }, cancellationToken: TestClient.Ct));
    }

    [Fact]
    public async Task SetValue_sends_the_typed_value_and_reads_the_stored_value()
    {
        await using var server = await ScriptedAshbyServer.StartAsync();
        server.Enqueue(Ok("""{"id":"cf2","title":"Salary","value":{"value":85000,"currencyCode":"GBP"}}"""), Ok("""{"id":"cf3","title":"Notes","value":null}"""));
        using var client = TestClient.Create(server);

        var stored = await client.CustomFields.SetValueAsync(new CustomFieldSetValueRequest
        {
            ObjectId = "c1",
            ObjectType = CustomFieldObjectType.Candidate,
            FieldId = "cf2",
            FieldValue = CustomFieldInput.FromCurrency(85000m, "GBP"),
        }, cancellationToken: TestClient.Ct);
        var cleared = await client.CustomFields.SetValueAsync(new CustomFieldSetValueRequest
        {
            ObjectId = "a1",
            ObjectType = CustomFieldObjectType.Application,
            FieldId = "cf3",
            FieldValue = CustomFieldInput.Clear,
        }, cancellationToken: TestClient.Ct);

        server.Requests.Select(r => (r.Path, r.Body)).ShouldBe([
            ("/customField.setValue", """{"objectId":"c1","objectType":"Candidate","fieldId":"cf2","fieldValue":{"value":85000,"currencyCode":"GBP"}}"""),
            ("/customField.setValue", """{"objectId":"a1","objectType":"Application","fieldId":"cf3","fieldValue":null}"""),
        ]);
        stored.TryGetCurrency(out var amount).ShouldBeTrue();
        amount!.Value.ShouldBe(85000m);
        cleared.IsEmpty.ShouldBeTrue();
    }

    [Fact]
    public async Task SetValues_sends_every_field_in_one_call_and_reads_the_stored_values()
    {
        await using var server = await ScriptedAshbyServer.StartAsync();
        server.Enqueue(Ok("""[{"id":"cf1","title":"Level","value":"senior","valueLabel":"Senior"},{"id":"cf4","title":"Skills","value":["a","b"],"valueLabel":["A","B"]}]"""));
        using var client = TestClient.Create(server);

        var stored = await client.CustomFields.SetValuesAsync(new CustomFieldSetValuesRequest
        {
            ObjectId = "j1",
            ObjectType = CustomFieldObjectType.Job,
            Values =
            [
                new CustomFieldValueUpdate { FieldId = "cf1", FieldValue = CustomFieldInput.FromString("senior") },
                new CustomFieldValueUpdate { FieldId = "cf4", FieldValue = CustomFieldInput.FromStrings(["a", "b"]) },
                new CustomFieldValueUpdate { FieldId = "cf5", FieldValue = CustomFieldInput.FromNumber(4.5m) },
                new CustomFieldValueUpdate { FieldId = "cf6", FieldValue = CustomFieldInput.FromBoolean(true) },
                new CustomFieldValueUpdate { FieldId = "cf7", FieldValue = CustomFieldInput.FromDate(new DateOnly(2026, 6, 1)) },
                new CustomFieldValueUpdate { FieldId = "cf8", FieldValue = CustomFieldInput.FromNumberRange(1, 3) },
                new CustomFieldValueUpdate { FieldId = "cf9", FieldValue = CustomFieldInput.FromCompensationRange(80000, 95000, "EUR", CompensationInterval.Every1Year) },
            ],
        }, cancellationToken: TestClient.Ct);

        server.Requests.Single().Path.ShouldBe("/customField.setValues");
        server.Requests.Single().Body.ShouldBe(
            """{"objectId":"j1","objectType":"Job","values":[""" +
            """{"fieldId":"cf1","fieldValue":"senior"},{"fieldId":"cf4","fieldValue":["a","b"]},{"fieldId":"cf5","fieldValue":4.5},{"fieldId":"cf6","fieldValue":true},""" +
            """{"fieldId":"cf7","fieldValue":"2026-06-01T00:00:00.000Z"},{"fieldId":"cf8","fieldValue":{"type":"number-range","minValue":1,"maxValue":3}},""" +
            """{"fieldId":"cf9","fieldValue":{"type":"compensation-range","minValue":80000,"maxValue":95000,"currencyCode":"EUR","interval":"1 YEAR"}}]}""");
        stored.Select(v => v.Id).ShouldBe(["cf1", "cf4"]);
        stored[1].GetValueLabels().ShouldBe(["A", "B"]);
    }

    [Fact]
    public async Task SetValues_maps_a_refused_value_to_invalid_input()
    {
        await using var server = await ScriptedAshbyServer.StartAsync();
        server.Enqueue(Error("invalid_input", "senior-ish is not an option of Level"));
        using var client = TestClient.Create(server);

        var ex = await Should.ThrowAsync<AshbyInvalidInputException>(() => client.CustomFields.SetValuesAsync(new CustomFieldSetValuesRequest
        {
            ObjectId = "c1",
            ObjectType = CustomFieldObjectType.Candidate,
            Values = [new CustomFieldValueUpdate { FieldId = "cf1", FieldValue = CustomFieldInput.FromString("senior-ish") }],
        }, cancellationToken: TestClient.Ct));

        ex.Endpoint.ShouldBe("customField.setValues");
    }

    [Fact]
    public void Inputs_have_the_shapes_Ashby_documents()
    {
        CustomFieldInput.Clear.ValueKind.ShouldBe(JsonValueKind.Null);
        CustomFieldInput.FromDate(new DateTimeOffset(2026, 6, 1, 14, 0, 0, TimeSpan.FromHours(2))).GetString().ShouldBe("2026-06-01T12:00:00.000Z");
        Should.Throw<ArgumentException>(() => CustomFieldInput.FromCurrency(1, " "));
        Should.Throw<ArgumentException>(() => CustomFieldInput.FromStrings(["a", null!]));
    }
}
