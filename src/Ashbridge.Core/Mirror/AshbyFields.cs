namespace Ashbridge.Core.Mirror;

/// <summary>
/// The names of the fields of Ashby's objects that the hub reads out of the mirror's raw JSON (the typed columns, the
/// row's update time, the new-hire mapping, compensation redaction), each spelt once, as Ashby's API sends it. A path
/// into a nested object is written as its names in order, e.g. <c>[LatestVersion, StartDate]</c> for an offer's start date.
/// </summary>
public static class AshbyFields
{
    // Every object.
    public const string Id = "id";
    public const string UpdatedAt = "updatedAt";
    public const string CreatedAt = "createdAt";
    public const string Name = "name";
    public const string Title = "title";
    public const string Type = "type";
    public const string Status = "status";
    public const string IsArchived = "isArchived";
    public const string Value = "value";
    public const string CustomFields = "customFields";

    // Users.
    public const string Email = "email";
    public const string FirstName = "firstName";
    public const string LastName = "lastName";
    public const string GlobalRole = "globalRole";
    public const string IsEnabled = "isEnabled";

    // Departments, locations and the organisation's reference data.
    public const string ParentId = "parentId";
    public const string ParentLocationId = "parentLocationId";
    public const string Text = "text";
    public const string ReasonType = "reasonType";
    public const string ObjectType = "objectType";
    public const string FieldType = "fieldType";
    public const string InterviewPlanId = "interviewPlanId";
    public const string OrderInInterviewPlan = "orderInInterviewPlan";

    // Jobs, postings and openings.
    public const string DepartmentId = "departmentId";
    public const string LocationId = "locationId";
    public const string Confidential = "confidential";
    public const string EmploymentType = "employmentType";
    public const string JobId = "jobId";
    public const string IsListed = "isListed";
    public const string DepartmentName = "departmentName";
    public const string LocationName = "locationName";
    public const string OpeningState = "openingState";

    // Candidates: an email or phone entry is { value, type, isPrimary }.
    public const string PrimaryEmailAddress = "primaryEmailAddress";
    public const string PrimaryPhoneNumber = "primaryPhoneNumber";
    public const string EmailAddresses = "emailAddresses";
    public const string PhoneNumbers = "phoneNumbers";
    public const string IsPrimary = "isPrimary";

    // Applications: the objects they link to, each with an id.
    public const string Candidate = "candidate";
    public const string Job = "job";
    public const string CurrentInterviewStage = "currentInterviewStage";
    public const string Source = "source";
    public const string ArchiveReason = "archiveReason";

    // Offers: the latest version holds the terms.
    public const string ApplicationId = "applicationId";
    public const string OfferStatus = "offerStatus";
    public const string AcceptanceStatus = "acceptanceStatus";
    public const string DecidedAt = "decidedAt";
    public const string LatestVersion = "latestVersion";
    public const string StartDate = "startDate";
    public const string Salary = "salary";
    public const string CurrencyCode = "currencyCode";

    // Compensation (jobs and postings) and custom-field values.
    public const string Compensation = "compensation";
    public const string CompensationTiers = "compensationTiers";
    public const string CompensationTierSummary = "compensationTierSummary";
    public const string SummaryComponents = "summaryComponents";
    public const string IsPrivate = "isPrivate";
}
