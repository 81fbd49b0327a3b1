using System.Globalization;
using System.Text.Json;
using Ashbridge.Emulator.Auth;
using Ashbridge.Emulator.Changes;
using Ashbridge.Emulator.Data;
using Ashbridge.Emulator.Json;
using Ashbridge.Emulator.Sync;

namespace Ashbridge.Emulator.Api;

/// <summary>Custom field definitions (<c>customField.*</c>) and setting values on candidates, applications, jobs and openings.</summary>
internal static class CustomFieldEndpoints
{
    private static readonly string[] ValueObjectTypes = ["Application", "Candidate", "Job", "Opening"];
    private static readonly string[] CreateFieldTypes = ["Boolean", "CompensationRange", "Currency", "Date", "LongText", "MultiValueSelect", "Number", "NumberRange", "String", "ValueSelect", "Url", "UUID"];
    private static readonly string[] CreateObjectTypes = ["Application", "Candidate", "Job", "Employee", "Talent_Project", "Opening_Version", "Offer_Version"];

    public static void Register(EndpointTable table) => table
        .Read("customField.list", Permissions.HiringProcessMetadataRead, CustomFieldList)
        .Read("customField.info", Permissions.HiringProcessMetadataRead, CustomFieldInfo)
        .Write("customField.create", Permissions.HiringProcessMetadataWrite, Create)
        .Write("customField.updateSelectableValues", Permissions.HiringProcessMetadataWrite, UpdateSelectableValues)
        .Write("customField.setValue", Permissions.CandidatesWrite, SetValue)
        .Write("customField.setValues", Permissions.CandidatesWrite, SetValues);

    private static void CustomFieldList(AshbyCall call)
    {
        if (!call.OptionalBool("includeArchived", out var includeArchived)) return;
        Pager.List(call, call.Org.CustomFields, (f, incremental) => call.CanSee(f) && (includeArchived || incremental || !f.IsArchived), MetadataJson.Definition);
    }

    private static void CustomFieldInfo(AshbyCall call)
    {
        if (!call.RequiredGuid("customFieldId", out var id)) return;
        if (call.Org.FindCustomField(id) is not { } f || !call.CanSee(f)) call.Fail(ErrorCodes.InvalidInput, $"Custom field {id} was not found.");
        else call.Success(w => MetadataJson.Definition(w, f));
    }

    /// <summary>
    /// <c>objectType</c> Opening_Version and Offer_Version define fields shown on openings and offers (answered as
    /// Opening and Offer); ValueSelect and MultiValueSelect need <c>selectableValues</c>.
    /// </summary>
    private static void Create(AshbyCall call)
    {
        if (!call.RequiredString("fieldType", out var fieldType) || !call.RequiredString("objectType", out var objectType) || !call.RequiredString("title", out var title)) return;
        if (!call.OptionalString("description", out _) || !call.OptionalBool("isDateOnlyField", out _) || !call.OptionalBool("isExposableToCandidate", out _)) return;
        if (!CreateFieldTypes.Contains(fieldType)) { call.Fail(ErrorCodes.InvalidInput, $"fieldType must be one of: {string.Join(", ", CreateFieldTypes)}"); return; }
        if (!CreateObjectTypes.Contains(objectType)) { call.Fail(ErrorCodes.InvalidInput, $"objectType must be one of: {string.Join(", ", CreateObjectTypes)}"); return; }
        if (!ReadSelectableValues(call, out var options, required: false)) return;
        var isSelect = fieldType is "ValueSelect" or "MultiValueSelect";
        if (isSelect && (options is null || options.Length == 0)) { call.Fail(ErrorCodes.InvalidInput, $"A {fieldType} field needs selectableValues"); return; }
        if (!isSelect && options is { Length: > 0 }) { call.Fail(ErrorCodes.InvalidInput, $"selectableValues only apply to ValueSelect and MultiValueSelect fields"); return; }
        var stored = objectType switch { "Opening_Version" => "Opening", "Offer_Version" => "Offer", _ => objectType };
        var f = CustomFieldChanges.Create(call.Org, call.NowMs, title, stored, fieldType, options ?? []);
        call.Success(w => MetadataJson.Definition(w, f));
    }

    private static void UpdateSelectableValues(AshbyCall call)
    {
        if (!call.RequiredGuid("customFieldId", out var id) || !ReadSelectableValues(call, out var values, required: true)) return;
        if (call.Org.FindCustomField(id) is not { } f || !call.CanSee(f)) { call.Fail(ErrorCodes.InvalidInput, $"Custom field {id} was not found."); return; }
        if (f.FieldType is not ("ValueSelect" or "MultiValueSelect")) { call.Fail(ErrorCodes.InvalidInput, $"Custom field {id} is a {f.FieldType} field; only ValueSelect and MultiValueSelect fields have selectable values"); return; }
        if (f.Options.Length + values!.Count(v => !f.Options.Any(o => o.Value == v.Value)) > 63) { call.Fail(ErrorCodes.InvalidInput, "A field can have at most 63 selectable values"); return; }
        CustomFieldChanges.UpdateSelectableValues(call.Org, call.NowMs, f, values!);
        call.Success(w => MetadataJson.Definition(w, f));
    }

    private static void SetValue(AshbyCall call)
    {
        if (!ReadTarget(call, out var target)) return;
        if (!call.RequiredGuid("fieldId", out var fieldId)) return;
        if (!call.Body.TryGetProperty("fieldValue", out var raw)) { call.Fail(ErrorCodes.InvalidInput, "Missing required parameter: fieldValue"); return; }
        if (!ReadUpdate(call, target!, fieldId, raw, "fieldValue", out var update)) return;
        call.Publish(CustomFieldChanges.SetValues(call.Org, call.NowMs, target!, [update]));
        call.Success(w => WriteResult(w, update));
    }

    private static void SetValues(AshbyCall call)
    {
        if (!ReadTarget(call, out var target)) return;
        if (!call.Present("values", out var values)) { call.Fail(ErrorCodes.InvalidInput, "Missing required parameter: values"); return; }
        if (values.ValueKind != JsonValueKind.Array) { call.FailParameter("values", "values must be an array of { fieldId, fieldValue }"); return; }
        if (values.GetArrayLength() == 0) { call.Fail(ErrorCodes.InvalidInput, "values must not be empty"); return; }
        var updates = new List<CustomFieldChanges.Update>();
        var index = 0;
        foreach (var item in values.EnumerateArray())
        {
            var name = $"values[{index++}]";
            if (item.ValueKind != JsonValueKind.Object) { call.FailParameter(name, $"{name} must be an object {{ fieldId, fieldValue }}"); return; }
            if (!item.TryGetProperty("fieldId", out var idValue) || idValue.ValueKind == JsonValueKind.Null) { call.Fail(ErrorCodes.InvalidInput, $"Missing required parameter: {name}.fieldId"); return; }
            if (idValue.ValueKind != JsonValueKind.String) { call.FailParameter(name + ".fieldId", $"{name}.fieldId must be a string (a UUID)"); return; }
            if (!Guid.TryParseExact(idValue.GetString(), "D", out var fieldId)) { call.Fail(ErrorCodes.InvalidInput, $"{name}.fieldId must be a UUID"); return; }
            if (!item.TryGetProperty("fieldValue", out var raw)) { call.Fail(ErrorCodes.InvalidInput, $"Missing required parameter: {name}.fieldValue"); return; }
            if (!ReadUpdate(call, target!, fieldId, raw, name + ".fieldValue", out var update)) return;
            updates.Add(update);
        }

        call.Publish(CustomFieldChanges.SetValues(call.Org, call.NowMs, target!, updates));
        call.Success(w =>
        {
            w.WriteStartArray();
            foreach (var u in updates) WriteResult(w, u);
            w.WriteEndArray();
        });
    }

    /// <summary>A cleared value answers <c>{ id, isPrivate, title, value: null }</c>.</summary>
    private static void WriteResult(Utf8JsonWriter w, CustomFieldChanges.Update update)
    {
        if (!update.Clear)
        {
            MetadataJson.Value(w, update.Value);
            return;
        }

        var f = update.Value.Field;
        w.WriteStartObject();
        w.WriteString("id", f.Id);
        w.WriteBoolean("isPrivate", f.IsPrivate);
        w.WriteString("title", f.Title);
        w.WriteNull("value");
        w.WriteEndObject();
    }

    /// <summary>Reads <c>objectType</c> and <c>objectId</c> and finds the object (its own not-found code per type).</summary>
    private static bool ReadTarget(AshbyCall call, out object? target)
    {
        target = null;
        if (!call.RequiredGuid("objectId", out var id) || !call.RequiredString("objectType", out var type)) return false;
        if (!ValueObjectTypes.Contains(type)) return call.Fail(ErrorCodes.InvalidInput, $"objectType must be one of: {string.Join(", ", ValueObjectTypes)}");
        var org = call.Org;
        target = type switch
        {
            "Candidate" => org.FindCandidate(id) is { } c && call.CanSee(c) ? c : null,
            "Application" => org.FindApplication(id) is { } a && call.CanSee(a) ? a : null,
            "Job" => org.FindJob(id) is { } j && call.CanSee(j) ? j : null,
            _ => org.FindOpening(id) is { } o && call.CanSee(o) ? o : null,
        };
        if (target is not null) return true;
        var (code, what) = type switch
        {
            "Candidate" => (ErrorCodes.CandidateNotFound, "Candidate"),
            "Application" => (ErrorCodes.ApplicationNotFound, "Application"),
            "Job" => (ErrorCodes.JobNotFound, "Job"),
            _ => (ErrorCodes.OpeningNotFound, "Opening"),
        };
        return call.NotFound(code, what, id);
    }

    private static bool ReadUpdate(AshbyCall call, object target, Guid fieldId, JsonElement raw, string name, out CustomFieldChanges.Update update)
    {
        update = default;
        var objectType = target switch { Candidate => "Candidate", Application => "Application", Job => "Job", _ => "Opening" };
        if (call.Org.FindCustomField(fieldId) is not { } f || !call.CanSee(f)) return call.Fail(ErrorCodes.InvalidInput, $"Custom field {fieldId} was not found.");
        if (f.ObjectType != objectType) return call.Fail(ErrorCodes.InvalidInput, $"Custom field {fieldId} is defined on {f.ObjectType}, not {objectType}");
        if (f.IsArchived) return call.Fail(ErrorCodes.InvalidInput, $"Custom field {fieldId} is archived");
        if (raw.ValueKind == JsonValueKind.Null)
        {
            update = new(new CustomFieldValue(f), Clear: true);
            return true;
        }

        if (!ParseValue(call, f, raw, name, out var value)) return false;
        update = new(value, Clear: false);
        return true;
    }

    /// <summary>Checks a value against the field's type (and options), as the document's fieldValue table describes.</summary>
    public static bool ParseValue(AshbyCall call, CustomFieldDefinition f, JsonElement raw, string name, out CustomFieldValue value)
    {
        value = default;
        bool Wrong(string expected) => call.Fail(ErrorCodes.InvalidInput, $"{name} must be {expected} for the {f.FieldType} field '{f.Title}'");
        switch (f.FieldType)
        {
            case "Boolean":
                if (raw.ValueKind is not (JsonValueKind.True or JsonValueKind.False)) return Wrong("a boolean");
                value = new(f, bits: raw.GetBoolean() ? 1 : 0);
                return true;
            case "Number":
                if (raw.ValueKind != JsonValueKind.Number) return Wrong("a number");
                value = new(f, number: raw.GetDouble());
                return true;
            case "Date":
                if (raw.ValueKind != JsonValueKind.String || !DateTimeOffset.TryParse(raw.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date)) return Wrong("an ISO date string");
                value = new(f, bits: date.ToUnixTimeMilliseconds());
                return true;
            case "ValueSelect":
            {
                if (raw.ValueKind != JsonValueKind.String) return Wrong("a string naming one of its options");
                var i = Array.FindIndex(f.Options, o => o.Value == raw.GetString() && !o.IsArchived);
                if (i < 0) return Wrong($"one of {string.Join(", ", f.Options.Where(o => !o.IsArchived).Select(o => o.Value))}");
                value = new(f, bits: i);
                return true;
            }

            case "MultiValueSelect":
            {
                if (raw.ValueKind != JsonValueKind.Array) return Wrong("an array of its options");
                long mask = 0;
                foreach (var item in raw.EnumerateArray())
                {
                    var i = item.ValueKind == JsonValueKind.String ? Array.FindIndex(f.Options, o => o.Value == item.GetString() && !o.IsArchived) : -1;
                    if (i < 0) return Wrong($"an array of {string.Join(", ", f.Options.Where(o => !o.IsArchived).Select(o => o.Value))}");
                    mask |= 1L << i;
                }

                value = new(f, bits: mask);
                return true;
            }

            case "Currency":
                if (raw.ValueKind != JsonValueKind.Object || !Number(raw, "value", out var amount) || !Text(raw, "currencyCode", out var code) || !IsCurrency(code)) return Wrong("{ value: number, currencyCode: ISO 4217 code }");
                value = new(f, number: amount, text: code);
                return true;
            case "NumberRange":
                if (raw.ValueKind != JsonValueKind.Object || !Text(raw, "type", out var rangeType) || rangeType != "number-range" || !Number(raw, "minValue", out var min) || !Number(raw, "maxValue", out var max)) return Wrong("{ type: \"number-range\", minValue, maxValue }");
                if (min > max) return Wrong("a range whose minValue is not above its maxValue");
                value = new(f, number: min, number2: max);
                return true;
            case "CompensationRange":
            {
                if (raw.ValueKind != JsonValueKind.Object || !Text(raw, "type", out var compType) || compType != "compensation-range" || !Number(raw, "minValue", out var low) || !Number(raw, "maxValue", out var high)
                    || !Text(raw, "currencyCode", out var currency) || !IsCurrency(currency) || !Text(raw, "interval", out var interval)) return Wrong("{ type: \"compensation-range\", minValue, maxValue, currencyCode, interval }");
                var i = Array.IndexOf(CustomFieldValue.Intervals, interval);
                if (i < 0) return Wrong($"a compensation range whose interval is one of {string.Join(", ", CustomFieldValue.Intervals)}");
                if (low > high) return Wrong("a range whose minValue is not above its maxValue");
                value = new(f, number: low, number2: high, bits: i, text: currency);
                return true;
            }

            case "Url":
                if (raw.ValueKind != JsonValueKind.String || !Uri.TryCreate(raw.GetString(), UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")) return Wrong("an http or https URL");
                value = new(f, text: raw.GetString());
                return true;
            case "UUID":
                if (raw.ValueKind != JsonValueKind.String || !Guid.TryParseExact(raw.GetString(), "D", out _)) return Wrong("a UUID");
                value = new(f, text: raw.GetString());
                return true;
            default:
                if (raw.ValueKind != JsonValueKind.String) return Wrong("a string");
                value = new(f, text: raw.GetString());
                return true;
        }
    }

    private static bool Number(JsonElement o, string name, out double number)
    {
        number = 0;
        if (!o.TryGetProperty(name, out var v) || v.ValueKind != JsonValueKind.Number) return false;
        number = v.GetDouble();
        return true;
    }

    private static bool Text(JsonElement o, string name, out string text)
    {
        text = "";
        if (!o.TryGetProperty(name, out var v) || v.ValueKind != JsonValueKind.String) return false;
        text = v.GetString()!;
        return true;
    }

    private static bool IsCurrency(string code) => code.Length == 3 && code.All(char.IsAsciiLetterUpper);

    private static bool ReadSelectableValues(AshbyCall call, out SelectableValue[]? values, bool required)
    {
        values = null;
        if (!call.Present("selectableValues", out var raw)) return !required || call.Fail(ErrorCodes.InvalidInput, "Missing required parameter: selectableValues");
        if (raw.ValueKind != JsonValueKind.Array) return call.FailParameter("selectableValues", "selectableValues must be an array of { label, value }");
        var list = new List<SelectableValue>();
        foreach (var item in raw.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.Object || !Text(item, "label", out var label) || !Text(item, "value", out var v) || label.Length == 0 || v.Length == 0)
            {
                return call.Fail(ErrorCodes.InvalidInput, "selectableValues entries need a non-empty label and value");
            }

            var archived = item.TryGetProperty("isArchived", out var a) && a.ValueKind == JsonValueKind.True;
            if (list.Exists(x => x.Value == v)) return call.Fail(ErrorCodes.InvalidInput, $"selectableValues has the value '{v}' twice");
            list.Add(new SelectableValue(label, v, archived));
        }

        values = [.. list];
        return true;
    }
}
