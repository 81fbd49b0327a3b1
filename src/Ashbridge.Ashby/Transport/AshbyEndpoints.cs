namespace Ashbridge.Ashby;

/// <summary>The endpoint names the typed client calls.</summary>
public static class AshbyEndpoints
{
    /// <summary><c>apiKey.info</c>.</summary>
    public const string ApiKeyInfo = "apiKey.info";
    /// <summary><c>candidate.list</c>.</summary>
    public const string CandidateList = "candidate.list";
    /// <summary><c>candidate.info</c>.</summary>
    public const string CandidateInfo = "candidate.info";
    /// <summary><c>candidate.search</c>.</summary>
    public const string CandidateSearch = "candidate.search";
    /// <summary><c>candidate.create</c>.</summary>
    public const string CandidateCreate = "candidate.create";
    /// <summary><c>candidate.update</c>.</summary>
    public const string CandidateUpdate = "candidate.update";
    /// <summary><c>candidate.addTag</c>.</summary>
    public const string CandidateAddTag = "candidate.addTag";
    /// <summary><c>candidate.removeTag</c>.</summary>
    public const string CandidateRemoveTag = "candidate.removeTag";
    /// <summary><c>candidate.createNote</c>.</summary>
    public const string CandidateCreateNote = "candidate.createNote";
    /// <summary><c>candidateTag.list</c>.</summary>
    public const string CandidateTagList = "candidateTag.list";
    /// <summary><c>application.list</c>.</summary>
    public const string ApplicationList = "application.list";
    /// <summary><c>application.info</c>.</summary>
    public const string ApplicationInfo = "application.info";
    /// <summary><c>application.create</c>.</summary>
    public const string ApplicationCreate = "application.create";
    /// <summary><c>application.changeStage</c>.</summary>
    public const string ApplicationChangeStage = "application.changeStage";
    /// <summary><c>application.addHiringTeamMember</c>.</summary>
    public const string ApplicationAddHiringTeamMember = "application.addHiringTeamMember";
    /// <summary><c>application.removeHiringTeamMember</c>.</summary>
    public const string ApplicationRemoveHiringTeamMember = "application.removeHiringTeamMember";
    /// <summary><c>application.changeSource</c>.</summary>
    public const string ApplicationChangeSource = "application.changeSource";
    /// <summary><c>application.update</c>.</summary>
    public const string ApplicationUpdate = "application.update";
    /// <summary><c>applicationHiringTeamRole.list</c>.</summary>
    public const string ApplicationHiringTeamRoleList = "applicationHiringTeamRole.list";
    /// <summary><c>job.list</c>.</summary>
    public const string JobList = "job.list";
    /// <summary><c>job.info</c>.</summary>
    public const string JobInfo = "job.info";
    /// <summary><c>job.search</c>.</summary>
    public const string JobSearch = "job.search";
    /// <summary><c>jobPosting.list</c>.</summary>
    public const string JobPostingList = "jobPosting.list";
    /// <summary><c>jobPosting.info</c>.</summary>
    public const string JobPostingInfo = "jobPosting.info";
    /// <summary><c>opening.list</c>.</summary>
    public const string OpeningList = "opening.list";
    /// <summary><c>opening.info</c>.</summary>
    public const string OpeningInfo = "opening.info";
    /// <summary><c>opening.search</c>.</summary>
    public const string OpeningSearch = "opening.search";
    /// <summary><c>department.list</c>.</summary>
    public const string DepartmentList = "department.list";
    /// <summary><c>location.list</c>.</summary>
    public const string LocationList = "location.list";
    /// <summary><c>offer.list</c>.</summary>
    public const string OfferList = "offer.list";
    /// <summary><c>offer.info</c>.</summary>
    public const string OfferInfo = "offer.info";
    /// <summary><c>customField.list</c>.</summary>
    public const string CustomFieldList = "customField.list";
    /// <summary><c>customField.info</c>.</summary>
    public const string CustomFieldInfo = "customField.info";
    /// <summary><c>customField.setValue</c>.</summary>
    public const string CustomFieldSetValue = "customField.setValue";
    /// <summary><c>customField.setValues</c>.</summary>
    public const string CustomFieldSetValues = "customField.setValues";
    /// <summary><c>user.list</c>.</summary>
    public const string UserList = "user.list";
    /// <summary><c>user.info</c>.</summary>
    public const string UserInfo = "user.info";
    /// <summary><c>user.search</c>.</summary>
    public const string UserSearch = "user.search";
    /// <summary><c>source.list</c>.</summary>
    public const string SourceList = "source.list";
    /// <summary><c>archiveReason.list</c>.</summary>
    public const string ArchiveReasonList = "archiveReason.list";
    /// <summary><c>interviewStage.list</c>.</summary>
    public const string InterviewStageList = "interviewStage.list";
    /// <summary><c>hiringTeamRole.list</c>.</summary>
    public const string HiringTeamRoleList = "hiringTeamRole.list";
    /// <summary><c>hiringTeam.addMember</c>.</summary>
    public const string HiringTeamAddMember = "hiringTeam.addMember";
    /// <summary><c>hiringTeam.removeMember</c>.</summary>
    public const string HiringTeamRemoveMember = "hiringTeam.removeMember";
    /// <summary><c>file.info</c>.</summary>
    public const string FileInfo = "file.info";
    /// <summary><c>webhook.create</c>.</summary>
    public const string WebhookCreate = "webhook.create";
    /// <summary><c>webhook.info</c>.</summary>
    public const string WebhookInfo = "webhook.info";
    /// <summary><c>webhook.update</c>.</summary>
    public const string WebhookUpdate = "webhook.update";
    /// <summary><c>webhook.delete</c>.</summary>
    public const string WebhookDelete = "webhook.delete";
}
