using Ashbridge.Core.Connections;
using Ashbridge.Core.Members;
using Ashbridge.Core.Mirror;

namespace Ashbridge.Core.NewHires;

/// <summary>
/// What the new-hire pages and the API show: a hire's review form with its suggestions, and the field mapping. The
/// changes themselves go through <see cref="NewHireReview"/> and <see cref="NewHireImporter"/>.
/// </summary>
public sealed class NewHireViews(NewHireImporter importer, MemberDirectory members, MirrorReader mirror)
{
    /// <summary>A field's label: the default field's, or a custom field's or compensation type's own name.</summary>
    public static string Label(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return NewHireFields.Find(key)?.Label ?? key[(key.IndexOf(':', StringComparison.Ordinal) + 1)..];
    }

    /// <summary>The review form's rows and the suggestions; salary and compensation only when <paramref name="showCompensation"/>.</summary>
    public async Task<NewHireDetail> DetailAsync(Connection connection, NewHire hire, bool showCompensation, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(hire);
        var (settings, _) = await importer.GetSettingsAsync(connection.Id, cancellationToken).ConfigureAwait(false);
        var shown = showCompensation ? hire : hire.WithoutCompensation();
        var fields = NewHireReview.KnownKeys(settings)
            .Where(key => showCompensation || !NewHireFields.IsAdminOnly(key))
            .Select(key => new ReviewField(key, Label(key), NewHireFields.Find(key)?.Required == true, shown.Imported.GetValueOrDefault(key), shown.Values.GetValueOrDefault(key), shown.Overrides.ContainsKey(key)))
            .ToList();
        var known = await members.KnownValuesAsync(cancellationToken).ConfigureAwait(false);
        var suggestions = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, values) in new[] { (NewHireFields.JobTitle, known.JobTitles), (NewHireFields.Department, known.Departments), (NewHireFields.PlaceOfWork, known.PlacesOfWork) })
        {
            if (ValueMatcher.Suggest(shown.Values.GetValueOrDefault(key), values) is { } suggestion) suggestions[key] = suggestion;
        }

        return new NewHireDetail(shown, fields, suggestions);
    }

    /// <summary>The connection's mapping with its default fields and Ashby's custom fields.</summary>
    public async Task<MappingView> MappingAsync(Connection connection, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var (settings, from) = await importer.GetSettingsAsync(connection.Id, cancellationToken).ConfigureAwait(false);
        var custom = (await mirror.NewHireCustomFieldsAsync(connection.Id, cancellationToken).ConfigureAwait(false))
            .Select(f => new AshbyCustomField(f.Id, f.Title, f.ObjectType, f.FieldType));
        var fields = NewHireFields.All
            .Where(f => f.Key is not (NewHireFields.SalaryCurrency or NewHireFields.SalaryPeriod))
            .Select(f => new MappingField(f.Key, f.Key == NewHireFields.SalaryAmount ? "Salary (amount, currency, period)" : f.Label, f.AshbyField, f.Required, settings.IsEnabled(f.Key)))
            .ToList();
        return new MappingView(settings, from, fields, [.. custom]);
    }
}
