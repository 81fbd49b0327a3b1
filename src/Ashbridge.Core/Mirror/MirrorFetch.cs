namespace Ashbridge.Core.Mirror;

/// <summary>How a stream's rows are fetched.</summary>
public enum MirrorFetch
{
    /// <summary>A paginated list: <c>cursor</c> pages, and <c>syncToken</c> when <see cref="StreamDefinition.HasSyncToken"/>.</summary>
    Paged,

    /// <summary>One call returns everything.</summary>
    OneCall,

    /// <summary><c>interviewStage.list</c> once per interview plan from <c>interviewPlan.list</c>.</summary>
    PerInterviewPlan,
}
