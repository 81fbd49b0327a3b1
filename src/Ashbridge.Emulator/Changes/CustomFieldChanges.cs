using Ashbridge.Emulator.Data;
using Ashbridge.Emulator.Webhooks;

namespace Ashbridge.Emulator.Changes;

/// <summary>What customField.setValue(s), customField.create and customField.updateSelectableValues do.</summary>
internal static class CustomFieldChanges
{
    /// <summary>A value to store, or a removal (<paramref name="Clear"/>: the API was sent <c>null</c>).</summary>
    public readonly record struct Update(CustomFieldValue Value, bool Clear);

    /// <summary>
    /// Sets (or clears) values on one object and bumps it. Webhooks: <c>applicationUpdate</c> for an application,
    /// <c>jobUpdate</c> for a job; candidates and openings have no update webhook in Ashby's list.
    /// </summary>
    public static IReadOnlyList<WebhookEvent> SetValues(Organization org, long now, object target, IReadOnlyList<Update> updates)
    {
        switch (target)
        {
            case Candidate c:
                c.CustomFields = Apply(c.CustomFields, updates);
                org.Touch(c, now);
                return [];
            case Application a:
                a.CustomFields = Apply(a.CustomFields, updates);
                org.Touch(a, now);
                return [WebhookPayloads.Application("applicationUpdate", a)];
            case Job j:
                j.CustomFields = Apply(j.CustomFields, updates);
                org.Touch(j, now);
                return [WebhookPayloads.Job("jobUpdate", j)];
            case Opening o:
                o.CustomFields = Apply(o.CustomFields, updates);
                org.Touch(o, now);
                return [];
            default:
                throw new ArgumentException("Not an object with custom fields.", nameof(target));
        }
    }

    public static CustomFieldDefinition Create(Organization org, long now, string title, string objectType, string fieldType, SelectableValue[] options)
    {
        var f = new CustomFieldDefinition { Id = org.NewId(), Title = title, ObjectType = objectType, FieldType = fieldType, Options = options, CreatedMs = now, UpdatedMs = now };
        org.CustomFields.Add(f);
        org.Touch(f, now);
        return f;
    }

    /// <summary>
    /// Updates options by value (label, archived flag) and appends new ones; options are never removed or reordered,
    /// because stored values refer to them by position.
    /// </summary>
    public static void UpdateSelectableValues(Organization org, long now, CustomFieldDefinition f, IReadOnlyList<SelectableValue> values)
    {
        var options = f.Options.ToList();
        foreach (var v in values)
        {
            var i = options.FindIndex(o => o.Value == v.Value);
            if (i >= 0) options[i] = v;
            else options.Add(v);
        }

        f.Options = [.. options];
        org.Touch(f, now);
    }

    private static CustomFieldValue[] Apply(CustomFieldValue[] values, IReadOnlyList<Update> updates)
    {
        var list = values.ToList();
        foreach (var u in updates)
        {
            var i = list.FindIndex(v => v.Field == u.Value.Field);
            if (u.Clear)
            {
                if (i >= 0) list.RemoveAt(i);
            }
            else if (i >= 0)
            {
                list[i] = u.Value;
            }
            else
            {
                list.Add(u.Value);
            }
        }

        return [.. list];
    }
}
