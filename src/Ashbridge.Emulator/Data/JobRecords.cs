namespace Ashbridge.Emulator.Data;

/// <summary>A brand jobs are published under (its own hosted jobs page).</summary>
internal sealed class Brand : Row
{
    public required string Name;
    public required string HostedJobsPageSlug;
}

/// <summary>Why an opening was closed (<c>closeReason.list</c>).</summary>
internal sealed class CloseReason
{
    public Guid Id;
    public required string Text;
    public bool IsArchived;
}

/// <summary>A job board postings are published on (the external careers page or the internal one).</summary>
internal sealed class JobBoard
{
    public Guid Id;
    public required string Title;
    public bool IsInternal;
}

/// <summary>A job template new jobs can start from (<c>job.create</c> <c>jobTemplateId</c>).</summary>
internal sealed class JobTemplate : Row
{
    public required string Title;
    public bool IsActive = true;
    public Location? Location;
    public Department? Department;
    public InterviewPlan? Plan;
}

/// <summary>One compensation tier of a job (<c>job.updateCompensation</c>), shown on its postings.</summary>
internal sealed class CompensationTier
{
    public Guid Id;
    public string? Title;
    public string? AdditionalInformation;
    public List<CompensationComponent> Components = [];
}

/// <summary>One component of a compensation tier (a salary range, equity, a bonus…).</summary>
internal sealed class CompensationComponent
{
    public Guid Id;
    public required string CompensationType;
    public required string Interval;
    public string? CurrencyCode;
    public string? Label;
    public double? MinValue;
    public double? MaxValue;
}
