using System.Collections.Frozen;

namespace Ashbridge.Ashby;

/// <summary>
/// The built-in endpoint → permission table (from Ashby's reference), so callers can say exactly which
/// permission a feature is missing. Scope strings follow <c>apiKey.info</c>'s <c>module:read|write</c> spelling.
/// </summary>
public static class AshbyPermissions
{
    /// <summary><c>candidatesRead</c>.</summary>
    public const string CandidatesRead = "candidatesRead";
    /// <summary><c>candidatesWrite</c>.</summary>
    public const string CandidatesWrite = "candidatesWrite";
    /// <summary><c>jobsRead</c>.</summary>
    public const string JobsRead = "jobsRead";
    /// <summary><c>jobsWrite</c>.</summary>
    public const string JobsWrite = "jobsWrite";
    /// <summary><c>interviewsRead</c>.</summary>
    public const string InterviewsRead = "interviewsRead";
    /// <summary><c>interviewsWrite</c>.</summary>
    public const string InterviewsWrite = "interviewsWrite";
    /// <summary><c>hiringProcessMetadataRead</c>.</summary>
    public const string HiringProcessMetadataRead = "hiringProcessMetadataRead";
    /// <summary><c>hiringProcessMetadataWrite</c>.</summary>
    public const string HiringProcessMetadataWrite = "hiringProcessMetadataWrite";
    /// <summary><c>organizationRead</c>.</summary>
    public const string OrganizationRead = "organizationRead";
    /// <summary><c>organizationWrite</c>.</summary>
    public const string OrganizationWrite = "organizationWrite";
    /// <summary><c>offersRead</c>.</summary>
    public const string OffersRead = "offersRead";
    /// <summary><c>offersWrite</c>.</summary>
    public const string OffersWrite = "offersWrite";
    /// <summary><c>apiKeysRead</c>.</summary>
    public const string ApiKeysRead = "apiKeysRead";
    /// <summary><c>apiKeysWrite</c>.</summary>
    public const string ApiKeysWrite = "apiKeysWrite";

    private static readonly FrozenDictionary<string, (string Scope, string Module, bool IsWrite)> PermissionFacts =
        new Dictionary<string, (string, string, bool)>(StringComparer.Ordinal)
        {
            [CandidatesRead] = ("candidates:read", "Candidates", false),
            [CandidatesWrite] = ("candidates:write", "Candidates", true),
            [JobsRead] = ("jobs:read", "Jobs", false),
            [JobsWrite] = ("jobs:write", "Jobs", true),
            [InterviewsRead] = ("interviews:read", "Interviews", false),
            [InterviewsWrite] = ("interviews:write", "Interviews", true),
            [HiringProcessMetadataRead] = ("hiringProcessMetadata:read", "Hiring Process Metadata", false),
            [HiringProcessMetadataWrite] = ("hiringProcessMetadata:write", "Hiring Process Metadata", true),
            [OrganizationRead] = ("organization:read", "Organization", false),
            [OrganizationWrite] = ("organization:write", "Organization", true),
            [OffersRead] = ("offers:read", "Offers", false),
            [OffersWrite] = ("offers:write", "Offers", true),
            [ApiKeysRead] = ("apiKeys:read", "API Keys", false),
            [ApiKeysWrite] = ("apiKeys:write", "API Keys", true),
        }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, AshbyPermissionRequirement> Table = Build(new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["apiKey.info"] = ApiKeysRead,
        ["candidate.list"] = CandidatesRead,
        ["candidate.info"] = CandidatesRead,
        ["candidate.search"] = CandidatesRead,
        ["candidate.create"] = CandidatesWrite,
        ["candidate.update"] = CandidatesWrite,
        ["candidate.addTag"] = CandidatesWrite,
        ["candidate.removeTag"] = CandidatesWrite,
        ["candidate.createNote"] = CandidatesWrite,
        ["application.list"] = CandidatesRead,
        ["application.info"] = CandidatesRead,
        ["application.listHistory"] = CandidatesRead,
        ["application.create"] = CandidatesWrite,
        ["application.update"] = CandidatesWrite,
        ["application.changeStage"] = CandidatesWrite,
        ["application.changeSource"] = CandidatesWrite,
        // The spec says "candidateWrite" (typo) for these two; candidatesWrite is meant.
        ["application.addHiringTeamMember"] = CandidatesWrite,
        ["application.removeHiringTeamMember"] = CandidatesWrite,
        ["applicationHiringTeamRole.list"] = CandidatesRead,
        ["job.list"] = JobsRead,
        ["job.info"] = JobsRead,
        ["job.search"] = JobsRead,
        ["jobPosting.list"] = JobsRead,
        ["jobPosting.info"] = JobsRead,
        ["opening.list"] = JobsRead,
        ["opening.info"] = JobsRead,
        ["opening.search"] = JobsRead,
        ["department.list"] = OrganizationRead,
        ["department.info"] = OrganizationRead,
        ["location.list"] = OrganizationRead,
        ["location.info"] = OrganizationRead,
        ["offer.list"] = OffersRead,
        ["offer.info"] = OffersRead,
        ["customField.list"] = HiringProcessMetadataRead,
        ["customField.info"] = HiringProcessMetadataRead,
        ["customField.setValue"] = CandidatesWrite,
        ["customField.setValues"] = CandidatesWrite,
        ["user.list"] = OrganizationRead,
        ["user.info"] = OrganizationRead,
        ["user.search"] = OrganizationRead,
        ["source.list"] = HiringProcessMetadataRead,
        ["archiveReason.list"] = HiringProcessMetadataRead,
        ["candidateTag.list"] = HiringProcessMetadataRead,
        ["interviewStage.list"] = InterviewsRead,
        ["interviewPlan.list"] = InterviewsRead,
        ["hiringTeamRole.list"] = OrganizationRead,
        ["hiringTeam.addMember"] = OrganizationWrite,
        ["hiringTeam.removeMember"] = OrganizationWrite,
        ["file.info"] = CandidatesRead,
        ["webhook.create"] = ApiKeysWrite,
        ["webhook.update"] = ApiKeysWrite,
        ["webhook.delete"] = ApiKeysWrite,
        ["webhook.info"] = ApiKeysRead,
    });

    /// <summary>Every endpoint in the table.</summary>
    public static IReadOnlyCollection<AshbyPermissionRequirement> All => Table.Values;

    /// <summary>Looks up what an endpoint needs.</summary>
    /// <param name="endpoint">The endpoint, e.g. <c>candidate.list</c>.</param>
    /// <returns>The entry, or <see langword="null"/> for endpoints outside the table.</returns>
    public static AshbyPermissionRequirement? ForEndpoint(string endpoint)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        return Table.GetValueOrDefault(endpoint);
    }

    /// <summary>Translates a permission name (<c>candidatesRead</c>) to its <c>apiKey.info</c> scope (<c>candidates:read</c>).</summary>
    /// <param name="permission">The permission name.</param>
    /// <returns>The scope string, or <see langword="null"/> when unknown.</returns>
    public static string? ToScope(string permission) =>
        PermissionFacts.TryGetValue(permission, out var facts) ? facts.Scope : null;

    /// <summary>Translates a permission name to the module name an admin sees.</summary>
    /// <param name="permission">The permission name.</param>
    /// <returns>The module name, or <see langword="null"/> when unknown.</returns>
    public static string? ToModule(string permission) =>
        PermissionFacts.TryGetValue(permission, out var facts) ? facts.Module : null;

    /// <summary>Whether the endpoint is a read whose repetition is harmless (retried on every transient failure).</summary>
    /// <param name="endpoint">The endpoint name.</param>
    /// <returns><see langword="true"/> for <c>*.list</c>, <c>*.info</c>, <c>*.search</c> and <c>apiKey.info</c>.</returns>
    public static bool IsSafeRead(string endpoint)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        var dot = endpoint.LastIndexOf('.');
        var method = dot < 0 ? endpoint : endpoint[(dot + 1)..];
        return method.StartsWith("list", StringComparison.Ordinal)
            || method is "info" or "search" or "searchSuggestions";
    }

    private static FrozenDictionary<string, AshbyPermissionRequirement> Build(Dictionary<string, string> map) =>
        map.ToFrozenDictionary(
            kv => kv.Key,
            kv =>
            {
                var facts = PermissionFacts[kv.Value];
                return new AshbyPermissionRequirement(kv.Key, kv.Value, facts.Scope, facts.Module, facts.IsWrite);
            },
            StringComparer.Ordinal);
}
