namespace Ashbridge.Emulator.Data;

/// <summary>The job area's reference data: brands, close reasons, job boards, job templates and application form fields.</summary>
internal sealed partial class Organization
{
    public List<Brand> Brands { get; } = [];
    public List<CloseReason> CloseReasons { get; } = [];
    public List<JobBoard> JobBoards { get; } = [];
    public List<JobTemplate> JobTemplates { get; } = [];

    /// <summary>The ids of the application form's system fields (name, email, resume), shared by every posting's form.</summary>
    public Guid[] FormFieldIds { get; set; } = [];

    public Brand? FindBrand(Guid id) => Brands.Find(b => b.Id == id);

    public CloseReason? FindCloseReason(Guid id) => CloseReasons.Find(r => r.Id == id);

    public JobBoard? FindJobBoard(Guid id) => JobBoards.Find(b => b.Id == id);

    public JobTemplate? FindJobTemplate(Guid id) => JobTemplates.Find(t => t.Id == id && !t.Deleted);

    /// <summary>The user the emulator credits with objects created through the API (Ashby credits the key's creator): the first enabled admin.</summary>
    public User ApiAuthor => Users.Find(u => u.IsEnabled && u.GlobalRole == 0) ?? Users.First(u => u.IsEnabled);
}
