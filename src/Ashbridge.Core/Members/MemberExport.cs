using System.Globalization;
using System.Text.Json;
using CsvHelper;

namespace Ashbridge.Core.Members;

/// <summary>Members as CSV (one column per field, custom fields and compensation types after) or as JSON, for HR systems without webhooks.</summary>
public static class MemberExport
{
    /// <summary>Writes CSV (RFC 4180, via CsvHelper) to <paramref name="writer"/>.</summary>
    public static async Task WriteCsvAsync(IReadOnlyList<Member> members, TextWriter writer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(members);
        var extra = members.SelectMany(m => m.Extra.Keys).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        // Escape fields a spreadsheet would run as formulas: names and titles come from candidates.
        await using var csv = CsvWriter.Create(writer, new CsvWriterOptions { Injection = CsvInjection.Escape }, true);
        string[] header =
        [
            "id", "first_name", "last_name", "personal_email", "personal_phone", "start_date", "job_title", "department", "place_of_work",
            "salary_amount", "salary_currency", "salary_period", "ashby_application_id", "ashby_candidate_id", "added_at", "added_by",
            .. extra,
        ];
        await csv.WriteRecordAsync(header, cancellationToken).ConfigureAwait(false);
        foreach (var m in members)
        {
            cancellationToken.ThrowIfCancellationRequested();
            string[] fields =
            [
                m.Id.ToString(CultureInfo.InvariantCulture), m.FirstName, m.LastName, m.PersonalEmail, m.PersonalPhone ?? "", m.StartDate ?? "", m.JobTitle,
                m.Department ?? "", m.PlaceOfWork ?? "", m.SalaryAmount?.ToString("0.00", CultureInfo.InvariantCulture) ?? "", m.SalaryCurrency ?? "", m.SalaryPeriod ?? "",
                m.ApplicationId ?? "", m.CandidateId ?? "", m.CreatedAt.ToString("O", CultureInfo.InvariantCulture), m.CreatedBy,
                .. extra.Select(k => m.Extra.GetValueOrDefault(k) ?? ""),
            ];
            await csv.WriteRecordAsync(fields, cancellationToken).ConfigureAwait(false);
        }

        await csv.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Writes a JSON array of members, as the API shows them.</summary>
    public static Task WriteJsonAsync(IReadOnlyList<Member> members, Stream stream, CancellationToken cancellationToken = default) =>
        JsonSerializer.SerializeAsync(stream, members, Member.JsonOptions, cancellationToken);
}
