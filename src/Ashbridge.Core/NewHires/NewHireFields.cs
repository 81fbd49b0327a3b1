namespace Ashbridge.Core.NewHires;

/// <summary>The default mapping from an Ashby hire to a member (the Humaans table, with salary split into its parts).</summary>
public static class NewHireFields
{
    public const string FirstName = "first_name";
    public const string LastName = "last_name";
    public const string PersonalEmail = "personal_email";
    public const string PersonalPhone = "personal_phone";
    public const string StartDate = "start_date";
    public const string JobTitle = "job_title";
    public const string Department = "department";
    public const string PlaceOfWork = "place_of_work";
    public const string SalaryAmount = "salary_amount";
    public const string SalaryCurrency = "salary_currency";
    public const string SalaryPeriod = "salary_period";

    /// <summary>Salary is one switch in the mapping table; these keys follow it.</summary>
    public static IReadOnlyList<string> SalaryParts { get; } = [SalaryAmount, SalaryCurrency, SalaryPeriod];

    /// <summary>The default fields, in the order the mapping table and the review form show them.</summary>
    public static IReadOnlyList<NewHireField> All { get; } =
    [
        new(FirstName, "First name", "Name", Required: true),
        new(LastName, "Last name", "Name", Required: true),
        new(PersonalEmail, "Personal email", "Personal Email", Required: true),
        new(PersonalPhone, "Personal phone", "Personal Phone", Required: false),
        new(StartDate, "Employment start date", "Start Date (accepted offer)", Required: false),
        new(JobTitle, "Job title", "Job Title", Required: true),
        new(Department, "Department", "Department", Required: false),
        new(PlaceOfWork, "Place of work", "Location", Required: false),
        new(SalaryAmount, "Salary", "Salary (accepted offer)", Required: false, AdminOnly: true),
        new(SalaryCurrency, "Salary currency", "Salary (accepted offer)", Required: false, AdminOnly: true),
        new(SalaryPeriod, "Salary period", "Salary (accepted offer)", Required: false, AdminOnly: true),
    ];

    /// <summary>The switches of the mapping table: the optional fields, salary as one.</summary>
    public static IReadOnlyList<string> Switchable { get; } = [PersonalPhone, StartDate, Department, PlaceOfWork, SalaryAmount];

    /// <summary>The default field with this key, or <see langword="null"/>.</summary>
    public static NewHireField? Find(string key) => All.FirstOrDefault(f => f.Key == key);

    /// <summary>Whether a value under this key (default, custom or compensation) is for admins only.</summary>
    public static bool IsAdminOnly(string key) => key.StartsWith(CompensationPrefix, StringComparison.Ordinal) || Find(key)?.AdminOnly == true;

    /// <summary>Custom mappings store their values under this prefix and the member field's name.</summary>
    public const string CustomPrefix = "custom:";

    /// <summary>Compensation types store their values under this prefix and the type's name.</summary>
    public const string CompensationPrefix = "compensation:";
}
