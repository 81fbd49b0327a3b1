namespace Ashbridge.Emulator.Data;

/// <summary>The organisation settings of the directory area: communication templates and source tracking links.</summary>
internal sealed partial class Organization
{
    /// <summary>Every communication template, enabled or not, in creation order.</summary>
    public List<CommunicationTemplate> CommunicationTemplates { get; } = [];

    public List<SourceTrackingLink> SourceTrackingLinks { get; } = [];

    /// <summary>
    /// A communication template by id, enabled or not (check <see cref="CommunicationTemplate.IsEnabled"/> and
    /// <see cref="CommunicationTemplate.IsIntendedFor"/> with <see cref="CommunicationTemplate.Email"/> before sending an email with it),
    /// e.g. for <c>application.changeStage</c>'s <c>archiveEmail.communicationTemplateId</c>.
    /// </summary>
    public CommunicationTemplate? FindCommunicationTemplate(Guid id) => CommunicationTemplates.Find(t => t.Id == id);

    /// <summary>A user by email, exactly as <c>user.search</c> matches it (case-insensitive, whole address), enabled or not.</summary>
    public User? FindUserByEmail(string email) => Users.Find(u => string.Equals(u.Email, email, StringComparison.OrdinalIgnoreCase));
}
