namespace Ashbridge.Emulator.Data;

/// <summary>The organisation's custom field definitions, looked up by title while generating values.</summary>
internal sealed class CustomFieldCatalog
{
    private readonly Dictionary<string, CustomFieldDefinition> _byKey = new(StringComparer.Ordinal);

    public CustomFieldDefinition this[string objectType, string title] => _byKey[objectType + "/" + title];

    public static CustomFieldCatalog Create(Organization org, DeterministicRandom rng)
    {
        var catalog = new CustomFieldCatalog();
        void Add(string objectType, string title, string fieldType, bool isPrivate = false, bool isArchived = false, bool isRequired = false, string[]? options = null)
        {
            var field = new CustomFieldDefinition
            {
                Id = rng.NextGuid(), Title = title, ObjectType = objectType, FieldType = fieldType, IsPrivate = isPrivate,
                IsArchived = isArchived, IsRequired = isRequired, CreatedMs = org.BaseMs - (900L * 86_400_000), UpdatedMs = org.BaseMs - (400L * 86_400_000),
                Options = options is null ? [] : Array.ConvertAll(options, o => new SelectableValue(o.TrimEnd('*'), o.TrimEnd('*'), o.EndsWith('*'))),
            };
            org.CustomFields.Add(field);
            catalog._byKey[objectType + "/" + title] = field;
        }

        Add("Candidate", "Preferred Name", "String");
        Add("Candidate", "Salary Expectation", "Currency", isPrivate: true);
        Add("Candidate", "Visa Sponsorship Required", "Boolean");
        Add("Candidate", "Years of Experience", "Number");
        Add("Candidate", "Recruiter Notes", "LongText", isPrivate: true);
        Add("Candidate", "Work Preference", "ValueSelect", options: ["Remote", "Hybrid", "On-site"]);
        Add("Candidate", "Languages", "MultiValueSelect", options: ["English", "German", "French", "Spanish", "Mandarin", "Klingon*"]);
        Add("Candidate", "Legacy ATS Id", "String", isArchived: true);
        Add("Application", "Expected Start Date", "Date");
        Add("Application", "Priority", "ValueSelect", options: ["High", "Medium", "Low"]);
        Add("Application", "Internal Rating", "Number", isPrivate: true);
        Add("Application", "Salary Range Discussed", "NumberRange");
        Add("Job", "Cost Center", "String", isRequired: true);
        Add("Job", "Compensation Band", "CompensationRange");
        Add("Job", "Headcount Type", "ValueSelect", options: ["New", "Backfill", "Conversion"]);
        Add("Offer", "Signing Bonus", "Currency");
        Add("Offer", "Equity (shares)", "Number", isPrivate: true);
        Add("Offer", "Relocation Package", "Boolean");
        Add("Opening", "Budget Code", "String");
        Add("Opening", "Approved in Headcount Plan", "Boolean");
        return catalog;
    }
}
