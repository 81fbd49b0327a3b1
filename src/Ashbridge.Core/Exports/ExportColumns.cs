using System.Globalization;
using System.Text;

namespace Ashbridge.Core.Exports;

/// <summary>
/// The columns of an export, in order: Pigment's nine default fields and the hire date, then (with open openings) the
/// row type and opening id, then one column per custom field. Names are stable: the defaults are fixed, and a custom
/// field's column is named from its title when it was chosen.
/// </summary>
public static class ExportColumns
{
    public const string ApplicationId = "application_id";
    public const string EmployeeName = "employee_name";
    public const string Department = "department";
    public const string JobId = "job_id";
    public const string JobTitle = "job_title";
    public const string TargetStartDate = "target_start_date";
    public const string ActualStartDate = "actual_start_date";
    public const string Salary = "salary";
    public const string SalaryCurrency = "salary_currency";
    public const string HiredDate = "hired_date";
    public const string RowType = "row_type";
    public const string OpeningId = "opening_id";

    /// <summary>Every column of <paramref name="export"/>, compensation included, with deleted fields marked.</summary>
    /// <param name="export">The export.</param>
    /// <param name="deletedFieldIds">Its custom fields Ashby no longer has.</param>
    public static IReadOnlyList<ExportColumn> For(ExportDefinition export, IReadOnlySet<string> deletedFieldIds)
    {
        ArgumentNullException.ThrowIfNull(export);
        ArgumentNullException.ThrowIfNull(deletedFieldIds);
        var columns = new List<ExportColumn>
        {
            new(ApplicationId, "Application ID", ExportValueKind.Text, false),
            new(EmployeeName, "Employee name", ExportValueKind.Text, false),
            new(Department, "Department", ExportValueKind.Text, false),
            new(JobId, "Job ID", ExportValueKind.Text, false),
            new(JobTitle, "Job title", ExportValueKind.Text, false),
            new(TargetStartDate, "Target start date", ExportValueKind.Date, false),
            new(ActualStartDate, "Actual start date", ExportValueKind.Date, false),
            new(Salary, "Salary", ExportValueKind.Number, true),
            new(SalaryCurrency, "Salary currency", ExportValueKind.Text, true),
            new(HiredDate, "Hired date", ExportValueKind.Date, false),
        };
        if (export.Filters.IncludeOpenOpenings)
        {
            columns.Add(new(RowType, "Row type (hired or open)", ExportValueKind.Text, false));
            columns.Add(new(OpeningId, "Opening ID", ExportValueKind.Text, false));
        }

        var taken = new HashSet<string>(columns.Select(c => c.Name), StringComparer.Ordinal);
        foreach (var field in export.CustomFields)
        {
            var name = "custom_" + Slug(field.Title);
            var unique = name;
            for (var n = 2; !taken.Add(unique); n++) unique = string.Create(CultureInfo.InvariantCulture, $"{name}_{n}");
            columns.Add(new(unique, $"{field.Title} ({field.ObjectType.ToLowerInvariant()})", KindOf(field.FieldType), IsCompensation(field), field.Id, deletedFieldIds.Contains(field.Id)));
        }

        return columns;
    }

    /// <summary>
    /// Compensation, as the hub's access model has it: the offer's salary, every offer field, private fields, money and
    /// compensation ranges.
    /// </summary>
    public static bool IsCompensation(ExportCustomField field)
    {
        ArgumentNullException.ThrowIfNull(field);
        return field.ObjectType == "Offer" || field.IsPrivate || field.FieldType is "Currency" or "CompensationRange";
    }

    /// <summary>How a column of this Ashby field type is written.</summary>
    public static ExportValueKind KindOf(string fieldType) => fieldType switch
    {
        "Number" => ExportValueKind.Number,
        "Date" => ExportValueKind.Date,
        "Boolean" => ExportValueKind.Boolean,
        "MultiValueSelect" => ExportValueKind.List,
        _ => ExportValueKind.Text,
    };

    private static string Slug(string title)
    {
        var slug = new StringBuilder(title.Length);
        foreach (var c in title.Normalize(NormalizationForm.FormKD))
        {
            if (char.IsAsciiLetterOrDigit(c)) slug.Append(char.ToLowerInvariant(c));
            else if (slug.Length > 0 && slug[^1] != '_' && (char.IsWhiteSpace(c) || char.IsPunctuation(c) || char.IsSymbol(c))) slug.Append('_');
        }

        var text = slug.ToString().Trim('_');
        return text.Length == 0 ? "field" : text;
    }
}
