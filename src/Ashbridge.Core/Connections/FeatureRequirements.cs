using Ashbridge.Ashby;

namespace Ashbridge.Core.Connections;

/// <summary>
/// The permissions each mirror stream and feature needs, taken from Ashby's endpoint reference, and whether the feature
/// is built yet (<see cref="FeatureRequirement.Built"/>); a feature not built yet is shown as planned, so the key can be prepared for it.
/// </summary>
public static class FeatureRequirements
{
    public static IReadOnlyList<FeatureRequirement> All { get; } =
    [
        new("Key check", "read the key's own scopes (apiKey.info)", [AshbyPermissions.ApiKeysRead]),
        new("Mirror: candidates and applications", "candidate.list, application.list", [AshbyPermissions.CandidatesRead]),
        new("Mirror: jobs, postings and openings", "job.list, jobPosting.list, opening.list", [AshbyPermissions.JobsRead]),
        new("Mirror: departments, locations, users", "department.list, location.list, user.list, hiringTeamRole.list", [AshbyPermissions.OrganizationRead]),
        new("Mirror: offers", "offer.list", [AshbyPermissions.OffersRead]),
        new("Mirror: custom fields, sources, archive reasons", "customField.list, source.list, archiveReason.list", [AshbyPermissions.HiringProcessMetadataRead]),
        new("Mirror: interview stages", "interviewPlan.list, interviewStage.list", [AshbyPermissions.InterviewsRead]),
        new("New hires", "hired applications with their offers, jobs, departments, locations and custom fields",
            [AshbyPermissions.CandidatesRead, AshbyPermissions.OffersRead, AshbyPermissions.JobsRead, AshbyPermissions.OrganizationRead, AshbyPermissions.HiringProcessMetadataRead]),
        new("Open roles", "job postings, jobs and openings, with descriptions (jobPosting.info)", [AshbyPermissions.JobsRead, AshbyPermissions.OrganizationRead]),
        new("Dedupe and upload", "search candidates, then create or update them", [AshbyPermissions.CandidatesRead, AshbyPermissions.CandidatesWrite, AshbyPermissions.JobsRead]),
        new("Hired-applicant exports", "hired applications with offers and custom fields",
            [AshbyPermissions.CandidatesRead, AshbyPermissions.OffersRead, AshbyPermissions.JobsRead, AshbyPermissions.OrganizationRead, AshbyPermissions.HiringProcessMetadataRead]),
        new("User directory and hiring teams", "user.list, hiringTeam.addMember (jobs), application.addHiringTeamMember (applications)",
            [AshbyPermissions.OrganizationRead, AshbyPermissions.OrganizationWrite, AshbyPermissions.CandidatesWrite]),
        new("Webhook registration", "webhook.create, webhook.delete", [AshbyPermissions.ApiKeysWrite]),
    ];
}
