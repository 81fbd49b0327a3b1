using System.Text.Json;
using Ashbridge.Emulator.Data;

namespace Ashbridge.Emulator.Json;

/// <summary>Sources, archive reasons, tags, custom fields and their values: Ashby's hiring-process metadata.</summary>
internal static class MetadataJson
{
    public static void Source(Utf8JsonWriter w, Source s)
    {
        w.WriteStartObject();
        w.WriteString("id", s.Id);
        w.WriteString("title", s.Title);
        w.WriteBoolean("isArchived", s.IsArchived);
        if (s.Type is { } t)
        {
            w.WriteStartObject("sourceType");
            w.WriteString("id", t.Id);
            w.WriteString("title", t.Title);
            w.WriteBoolean("isArchived", t.IsArchived);
            w.WriteEndObject();
        }

        w.WriteEndObject();
    }

    public static void SourceOrNull(Utf8JsonWriter w, Source? s)
    {
        w.WritePropertyName("source");
        if (s is null) w.WriteNullValue();
        else Source(w, s);
    }

    public static void ArchiveReason(Utf8JsonWriter w, ArchiveReason r)
    {
        w.WriteStartObject();
        w.WriteString("id", r.Id);
        w.WriteString("text", r.Text);
        w.WriteString("reasonType", Enums.ReasonTypes[r.ReasonType]);
        w.WriteBoolean("isArchived", r.IsArchived);
        w.WriteEndObject();
    }

    public static void Tag(Utf8JsonWriter w, Tag t)
    {
        w.WriteStartObject();
        w.WriteString("id", t.Id);
        w.WriteString("title", t.Title);
        w.WriteBoolean("isArchived", t.IsArchived);
        w.WriteEndObject();
    }

    public static void Definition(Utf8JsonWriter w, CustomFieldDefinition f)
    {
        w.WriteStartObject();
        w.WriteString("id", f.Id);
        w.WriteBoolean("isPrivate", f.IsPrivate);
        w.WriteString("title", f.Title);
        w.WriteString("objectType", f.ObjectType);
        w.WriteBoolean("isArchived", f.IsArchived);
        w.WriteString("fieldType", f.FieldType);
        w.WriteBoolean("isRequired", f.IsRequired);
        w.WriteBoolean("isEditableOnlyViaPublicApi", false);
        if (f.Options.Length > 0)
        {
            w.WriteStartArray("selectableValues");
            foreach (var o in f.Options)
            {
                w.WriteStartObject();
                w.WriteString("label", o.Label);
                w.WriteString("value", o.Value);
                w.WriteBoolean("isArchived", o.IsArchived);
                w.WriteEndObject();
            }

            w.WriteEndArray();
        }

        w.WriteEndObject();
    }

    /// <summary>Writes <c>customFields</c>: values of private non-offer fields are left out for keys without the private-fields flag.</summary>
    public static void Values(Utf8JsonWriter w, CustomFieldValue[] values, Viewer viewer)
    {
        w.WriteStartArray("customFields");
        foreach (var v in values)
        {
            if (v.Field.HiddenWithoutPrivateAccess && !viewer.AllowPrivateFields) continue;
            Value(w, v);
        }

        w.WriteEndArray();
    }

    public static void Value(Utf8JsonWriter w, CustomFieldValue v)
    {
        var f = v.Field;
        w.WriteStartObject();
        w.WriteString("id", f.Id);
        w.WriteBoolean("isPrivate", f.IsPrivate);
        w.WriteString("title", f.Title);
        switch (f.FieldType)
        {
            case "Boolean":
                w.WriteBoolean("value", v.Bits != 0);
                break;
            case "Number":
                w.WriteNumber("value", v.Number);
                break;
            case "Date":
                w.WriteTime("value", v.Bits);
                break;
            case "Currency":
                w.WriteStartObject("value");
                w.WriteNumber("value", v.Number);
                w.WriteString("currencyCode", v.Text ?? f.CurrencyCode);
                w.WriteEndObject();
                break;
            case "NumberRange":
                w.WriteStartObject("value");
                w.WriteString("type", "number-range");
                w.WriteNumber("minValue", v.Number);
                w.WriteNumber("maxValue", v.Number2);
                w.WriteEndObject();
                break;
            case "CompensationRange":
                w.WriteStartObject("value");
                w.WriteString("type", "compensation-range");
                w.WriteNumber("minValue", v.Number);
                w.WriteNumber("maxValue", v.Number2);
                w.WriteString("currencyCode", v.Text ?? f.CurrencyCode);
                w.WriteString("interval", CustomFieldValue.Intervals[(int)v.Bits]);
                w.WriteEndObject();
                break;
            case "ValueSelect":
                w.WriteString("value", f.Options[(int)v.Bits].Value);
                w.WriteString("valueLabel", f.Options[(int)v.Bits].Label);
                break;
            case "MultiValueSelect":
                w.WriteStartArray("value");
                for (var i = 0; i < f.Options.Length; i++)
                {
                    if ((v.Bits & (1L << i)) != 0) w.WriteStringValue(f.Options[i].Value);
                }

                w.WriteEndArray();
                w.WriteStartArray("valueLabel");
                for (var i = 0; i < f.Options.Length; i++)
                {
                    if ((v.Bits & (1L << i)) != 0) w.WriteStringValue(f.Options[i].Label);
                }

                w.WriteEndArray();
                break;
            default:
                w.WriteString("value", v.Text);
                break;
        }

        w.WriteEndObject();
    }
}
