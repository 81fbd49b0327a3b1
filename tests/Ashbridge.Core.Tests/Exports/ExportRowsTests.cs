using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Ashbridge.Core.Exports;
using Ashbridge.Core.Storage;
using Ashbridge.Testing;
using Dapper;

namespace Ashbridge.Core.Tests.Exports;

public sealed class ExportRowsTests
{
    private static readonly string[] JobStatuses = ["Draft", "Open", "Closed", "Archived"];

    private static readonly string[] EnglishAndGerman = ["en", "de"];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_default_fields_equal_ashbys_hires_and_every_hired_application_is_a_row(DatabaseProvider provider)
    {
        await using var h = await ExportHarness.StartAsync(provider);
        var apps = await h.ActiveApplicationsAsync(2);
        await h.HireAsync(apps[0], "2027-03-01", 123456, "EUR");
        await h.HireAsync(apps[1], "2027-04-15", 98000.5m, "GBP");
        await h.SyncAsync();

        var (rows, report) = await h.RunAsync(await h.DefineAsync("Pigment"));

        var hired = await h.AshbyListAsync("application.list", new() { ["status"] = "Hired" });
        rows.Select(r => r.GetProperty("application_id").GetString()).ShouldBe(hired.Select(a => a.GetProperty("id").GetString()), ignoreOrder: true);
        report.Rows.ShouldBe(hired.Count);
        var offers = (await h.AshbyListAsync("offer.list")).Where(o => o.GetProperty("acceptanceStatus").GetString() == "Accepted").ToLookup(o => o.GetProperty("applicationId").GetString());
        var jobs = (await h.AshbyListAsync("job.list", new() { ["status"] = JobStatuses })).ToDictionary(j => j.GetProperty("id").GetString()!);
        var departments = (await h.AshbyListAsync("department.list", new() { ["includeArchived"] = true })).ToDictionary(d => d.GetProperty("id").GetString()!, d => d.GetProperty("name").GetString());
        var candidates = (await h.AshbyListAsync("candidate.list")).ToDictionary(c => c.GetProperty("id").GetString()!, c => c.GetProperty("name").GetString());
        foreach (var application in hired)
        {
            var id = application.GetProperty("id").GetString()!;
            var row = rows.Single(r => r.GetProperty("application_id").GetString() == id);
            var job = jobs[application.GetProperty("job").GetProperty("id").GetString()!];
            var offer = offers[id].OrderByDescending(o => o.TryGetProperty("decidedAt", out var d) ? d.GetString() : "", StringComparer.Ordinal)
                .ThenByDescending(o => o.GetProperty("latestVersion").GetProperty("createdAt").GetString(), StringComparer.Ordinal).Select(o => (JsonElement?)o).FirstOrDefault();
            var version = offer?.GetProperty("latestVersion");
            var start = version is { } v && v.TryGetProperty("startDate", out var s) && s.ValueKind == JsonValueKind.String ? s.GetString()![..10] : null;
            Text(row, "employee_name").ShouldBe(candidates[application.GetProperty("candidate").GetProperty("id").GetString()!], id);
            Text(row, "job_id").ShouldBe(job.GetProperty("id").GetString());
            Text(row, "job_title").ShouldBe(job.GetProperty("title").GetString());
            Text(row, "department").ShouldBe(job.TryGetProperty("departmentId", out var dept) && dept.GetString() is { } d2 ? departments.GetValueOrDefault(d2) : null);
            Text(row, "target_start_date").ShouldBe(start);
            Text(row, "actual_start_date").ShouldBe(start, "no member yet: the offer's start date");
            var salary = version?.TryGetProperty("salary", out var pay) == true && pay.ValueKind == JsonValueKind.Object ? pay : (JsonElement?)null;
            (row.GetProperty("salary").ValueKind == JsonValueKind.Null ? (decimal?)null : row.GetProperty("salary").GetDecimal()).ShouldBe(salary?.GetProperty("value").GetDecimal());
            Text(row, "salary_currency").ShouldBe(salary?.GetProperty("currencyCode").GetString());
        }

        var mine = rows.Single(r => Text(r, "application_id") == apps[0]);
        (Text(mine, "target_start_date"), mine.GetProperty("salary").GetDecimal(), Text(mine, "salary_currency")).ShouldBe(("2027-03-01", 123456m, "EUR"));
        var other = rows.Single(r => Text(r, "application_id") == apps[1]);
        (Text(other, "target_start_date"), other.GetProperty("salary").GetDecimal(), Text(other, "salary_currency")).ShouldBe(("2027-04-15", 98000.5m, "GBP"));
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Custom_fields_of_every_type_are_converted_and_compensation_columns_are_left_out_without_the_right(DatabaseProvider provider)
    {
        await using var h = await ExportHarness.StartAsync(provider);
        var app = (await h.ActiveApplicationsAsync(1))[0];
        string FieldId(JsonElement f) => f.GetProperty("id").GetString()!;
        var nickname = FieldId(await h.AshbyAsync("customField.create", new { fieldType = "String", objectType = "Candidate", title = "Export nickname" }));
        var visa = FieldId(await h.AshbyAsync("customField.create", new { fieldType = "Date", objectType = "Candidate", title = "Visa date" }));
        var relocating = FieldId(await h.AshbyAsync("customField.create", new { fieldType = "Boolean", objectType = "Candidate", title = "Relocating" }));
        var languages = FieldId(await h.AshbyAsync("customField.create", new
        {
            fieldType = "MultiValueSelect", objectType = "Candidate", title = "Languages",
            selectableValues = new[] { new { label = "English", value = "en" }, new { label = "German", value = "de" }, new { label = "French", value = "fr" } },
        }));
        var score = FieldId(await h.AshbyAsync("customField.create", new { fieldType = "Number", objectType = "Application", title = "Score" }));
        var level = FieldId(await h.AshbyAsync("customField.create", new
        {
            fieldType = "ValueSelect", objectType = "Application", title = "Level", selectableValues = new[] { new { label = "Senior", value = "l3" }, new { label = "Junior", value = "l1" } },
        }));
        var budget = FieldId(await h.AshbyAsync("customField.create", new { fieldType = "Currency", objectType = "Job", title = "Hiring budget" }));
        var bonus = FieldId(await h.AshbyAsync("customField.create", new { fieldType = "Number", objectType = "Offer_Version", title = "Signing bonus" }));

        var hire = await h.HireAsync(app, "2027-05-01", 100000, "USD", new Dictionary<string, object> { ["Signing bonus"] = 5000 });
        var application = hire.GetProperty("application");
        var candidateId = application.GetProperty("candidate").GetProperty("id").GetString();
        var jobId = application.GetProperty("job").GetProperty("id").GetString();
        await h.AshbyAsync("customField.setValue", new { objectType = "Candidate", objectId = candidateId, fieldId = nickname, fieldValue = "Ace" });
        await h.AshbyAsync("customField.setValue", new { objectType = "Candidate", objectId = candidateId, fieldId = visa, fieldValue = "2027-01-15T00:00:00.000Z" });
        await h.AshbyAsync("customField.setValue", new { objectType = "Candidate", objectId = candidateId, fieldId = relocating, fieldValue = true });
        await h.AshbyAsync("customField.setValue", new { objectType = "Candidate", objectId = candidateId, fieldId = languages, fieldValue = EnglishAndGerman });
        await h.AshbyAsync("customField.setValue", new { objectType = "Application", objectId = app, fieldId = score, fieldValue = 42.5 });
        await h.AshbyAsync("customField.setValue", new { objectType = "Application", objectId = app, fieldId = level, fieldValue = "l3" });
        await h.AshbyAsync("customField.setValue", new { objectType = "Job", objectId = jobId, fieldId = budget, fieldValue = new { value = 1500, currencyCode = "EUR" } });
        await h.SyncAsync();

        var export = await h.DefineAsync("Typed", [nickname, visa, relocating, languages, score, level, budget, bonus]);
        var (rows, report) = await h.RunAsync(export);
        report.Problems.ShouldBeEmpty();
        var row = rows.Single(r => Text(r, "application_id") == app);
        Text(row, "custom_export_nickname").ShouldBe("Ace");
        Text(row, "custom_visa_date").ShouldBe("2027-01-15");
        row.GetProperty("custom_relocating").GetBoolean().ShouldBeTrue();
        row.GetProperty("custom_languages").EnumerateArray().Select(e => e.GetString()).ShouldBe(["English", "German"]);
        row.GetProperty("custom_score").GetDecimal().ShouldBe(42.5m);
        Text(row, "custom_level").ShouldBe("Senior");
        Text(row, "custom_hiring_budget").ShouldBe("1500.00 EUR");
        row.GetProperty("custom_signing_bonus").GetDecimal().ShouldBe(5000m);

        // Without the right, money, offer fields and the salary are not blanked but absent.
        var (hidden, _) = await h.RunAsync(export, compensation: false);
        var plain = hidden.Single(r => Text(r, "application_id") == app);
        var names = plain.EnumerateObject().Select(p => p.Name).ToList();
        names.ShouldNotContain("salary");
        names.ShouldNotContain("salary_currency");
        names.ShouldNotContain("custom_hiring_budget");
        names.ShouldNotContain("custom_signing_bonus");
        names.ShouldContain("custom_score");
        (await h.Runner.ColumnsAsync(export, false, Ct)).Select(c => c.Name).ShouldNotContain("salary");

        // The same values in CSV and in an XLSX workbook.
        using var csv = new MemoryStream();
        await h.Runner.RunAsync(export, new ExportRunRequest(ExportFormat.Csv, null, true, "test"), csv, Ct);
        var lines = System.Text.Encoding.UTF8.GetString(csv.ToArray()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        lines[0].ShouldStartWith("application_id,employee_name,department,job_id,job_title,target_start_date,actual_start_date,salary,salary_currency,hired_date,custom_export_nickname");
        lines.Single(l => l.StartsWith(app, StringComparison.Ordinal)).ShouldContain(",Ace,2027-01-15,true,English; German,42.5,Senior,1500.00 EUR,5000");
        using var xlsx = new MemoryStream();
        await h.Runner.RunAsync(export, new ExportRunRequest(ExportFormat.Xlsx, null, true, "test"), xlsx, Ct);
        var sheet = XlsxReading.Rows(xlsx);
        var header = sheet[0];
        var cells = sheet.Single(r => r[0] == app);
        cells[header.IndexOf("custom_score")].ShouldBe("42.5");
        cells[header.IndexOf("target_start_date")].ShouldBe("2027-05-01");
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Since_returns_exactly_the_rows_changed_since_then(DatabaseProvider provider)
    {
        await using var h = await ExportHarness.StartAsync(provider);
        var apps = await h.ActiveApplicationsAsync(3);
        var offers = new List<string>();
        foreach (var app in apps) offers.Add((await h.HireAsync(app, "2027-06-01", 90000, "USD")).GetProperty("offer").GetProperty("id").GetString()!);
        await h.SyncAsync();
        var export = await h.DefineAsync("Nightly");

        var (first, _) = await h.RunAsync(export, since: DateTimeOffset.UnixEpoch);
        first.Count.ShouldBe((await h.RunAsync(export)).Rows.Count, "the first since pull records every row, so it gives them all");

        h.Clock.Advance(TimeSpan.FromMinutes(5));
        var lastPull = h.Clock.GetUtcNow();
        h.Clock.Advance(TimeSpan.FromMinutes(5));
        await h.Webhooks.ControlAsync($"offers/{offers[1]}/revise", new { salary = 150000 });
        await h.SyncAsync(); // a full pass: every mirror row is "seen" again, but only one export row changed

        var (changed, report) = await h.RunAsync(export, since: lastPull);
        changed.Select(r => Text(r, "application_id")).ShouldBe([apps[1]]);
        changed[0].GetProperty("salary").GetDecimal().ShouldBe(150000m);
        report.Rows.ShouldBe(1);
        (await h.RunAsync(export, since: lastPull)).Rows.Select(r => Text(r, "application_id")).ShouldBe([apps[1]], "asking again gives the same answer");
        (await h.RunAsync(export, since: h.Clock.GetUtcNow())).Rows.ShouldBeEmpty();
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_field_deleted_in_ashby_keeps_its_column_marked_and_empty_tells_the_admin_once_and_bad_values_are_reported(DatabaseProvider provider)
    {
        await using var h = await ExportHarness.StartAsync(provider);
        var app = (await h.ActiveApplicationsAsync(1))[0];
        var score = (await h.AshbyAsync("customField.create", new { fieldType = "Number", objectType = "Application", title = "Score" })).GetProperty("id").GetString()!;
        var note = (await h.AshbyAsync("customField.create", new { fieldType = "String", objectType = "Application", title = "Note" })).GetProperty("id").GetString()!;
        await h.HireAsync(app, "2027-07-01", 80000, "USD");
        await h.AshbyAsync("customField.setValue", new { objectType = "Application", objectId = app, fieldId = score, fieldValue = 7 });
        await h.AshbyAsync("customField.setValue", new { objectType = "Application", objectId = app, fieldId = note, fieldValue = "hello" });
        await h.SyncAsync();
        var export = await h.DefineAsync("Fragile", [score, note]);

        // Ashby's emulator cannot delete a custom field (nor store a value of the wrong type): the mirror is changed as a
        // deletion sweep and an out-of-type value would leave it.
        await using (var db = await h.Database.ConnectAsync(Ct))
        {
            await db.ExecuteAsync("UPDATE mirror_custom_fields SET deleted_ms = 1 WHERE id = @note", new { note });
            var json = JsonNode.Parse(await db.ExecuteScalarAsync<string>("SELECT raw_json FROM mirror_applications WHERE id = @app", new { app }) ?? "")!;
            foreach (var field in json["customFields"]!.AsArray())
            {
                if (field!["id"]!.GetValue<string>() == score) field["value"] = "lots";
            }

            await db.ExecuteAsync("UPDATE mirror_applications SET raw_json = @json WHERE id = @app", new { json = json.ToJsonString(), app });
        }

        var (rows, report) = await h.RunAsync(export);
        var row = rows.Single(r => Text(r, "application_id") == app);
        row.GetProperty("custom_note").ValueKind.ShouldBe(JsonValueKind.Null);
        row.GetProperty("custom_score").ValueKind.ShouldBe(JsonValueKind.Null);
        report.DeletedColumns.ShouldBe(["custom_note"]);
        var problem = report.Problems.ShouldHaveSingleItem();
        (problem.Row, problem.Column).ShouldBe((app, "custom_score"));
        problem.Message.ShouldContain("'lots' is not a number");
        (await h.Runner.ColumnsAsync(export, true, Ct)).Single(c => c.Name == "custom_note").DeletedInAshby.ShouldBeTrue();
        (await h.Runner.ListRunsAsync(export.Id, cancellationToken: Ct))[0].Report.Problems.ShouldHaveSingleItem().Row.ShouldBe(app);

        await h.RunAsync((await h.Definitions.FindAsync(export.Id, Ct))!);
        var notices = (await h.Notices.ListAsync(null, cancellationToken: Ct)).Where(n => n.Kind == ExportRunner.FieldDeletedNotice).ToList();
        notices.ShouldHaveSingleItem().Body.ShouldContain("custom_note ('Note')");
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Filters_keep_hires_of_a_department_and_dates_and_open_openings_join_as_still_to_hire_rows(DatabaseProvider provider)
    {
        await using var h = await ExportHarness.StartAsync(provider);
        var (all, _) = await h.RunAsync(await h.DefineAsync("All"));
        var department = all.Select(r => Text(r, "department")).First(d => d is not null)!;
        var (some, _) = await h.RunAsync(await h.DefineAsync("One department", filters: new ExportFilters(Departments: [department.ToUpperInvariant()])));
        some.Select(r => Text(r, "application_id")).ShouldBe(all.Where(r => Text(r, "department") == department).Select(r => Text(r, "application_id")), ignoreOrder: true);
        some.Count.ShouldBeLessThan(all.Count);

        var dates = all.Select(r => Text(r, "hired_date")).OfType<string>().Order(StringComparer.Ordinal).ToList();
        var middle = DateOnly.ParseExact(dates[dates.Count / 2], "yyyy-MM-dd", CultureInfo.InvariantCulture);
        var (later, _) = await h.RunAsync(await h.DefineAsync("Later", filters: new ExportFilters(HiredFrom: middle)));
        later.Select(r => Text(r, "application_id")).ShouldBe(
            all.Where(r => string.CompareOrdinal(Text(r, "hired_date"), middle.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)) >= 0).Select(r => Text(r, "application_id")), ignoreOrder: true);

        var (plan, _) = await h.RunAsync(await h.DefineAsync("Plan", filters: new ExportFilters(IncludeOpenOpenings: true)));
        var open = (await h.AshbyListAsync("opening.list")).Where(o => o.GetProperty("openingState").GetString() == "Open" && !o.GetProperty("isArchived").GetBoolean()).ToList();
        plan.Where(r => Text(r, "row_type") == "open").Select(r => Text(r, "opening_id")).ShouldBe(open.Select(o => o.GetProperty("id").GetString()), ignoreOrder: true);
        plan.Count(r => Text(r, "row_type") == "hired").ShouldBe(all.Count);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_definition_with_an_unknown_field_connection_or_taken_name_is_refused_with_what_to_change(DatabaseProvider provider)
    {
        await using var h = await ExportHarness.StartAsync(provider);
        await h.DefineAsync("Taken");
        (await Should.ThrowAsync<ExportInvalidException>(() => h.DefineAsync("Taken"))).NameTaken.ShouldBeTrue();
        (await Should.ThrowAsync<ExportInvalidException>(() => h.DefineAsync("X", ["no-such-field"]))).Message.ShouldContain("no-such-field");
        (await Should.ThrowAsync<ExportInvalidException>(() => h.Definitions.CreateAsync(new NewExport("Y", "nowhere", []), "test", Ct))).Message.ShouldContain("nowhere");
        (await Should.ThrowAsync<ExportInvalidException>(() => h.DefineAsync(" "))).Message.ShouldContain("name");
        (await Should.ThrowAsync<ExportInvalidException>(() => h.DefineAsync("Z", filters: new ExportFilters(new DateOnly(2027, 1, 2), new DateOnly(2027, 1, 1))))).Message.ShouldContain("after");
    }

    private static string? Text(JsonElement row, string column) =>
        row.TryGetProperty(column, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
