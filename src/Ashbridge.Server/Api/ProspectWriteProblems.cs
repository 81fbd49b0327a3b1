using Ashbridge.Core.Dedupe;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Ashbridge.Server.Api;

/// <summary>A merge's or an upload's refusal in HTTP: its status, and a problem body that names what the caller needs (the candidate, the permission, the problems).</summary>
public static class ProspectWriteProblems
{
    /// <summary>The status that fits the refusal: the caller's mistake (4xx), or Ashby's failure (502/503).</summary>
    public static int StatusOf(ProspectWriteRefusalKind kind) => kind switch
    {
        ProspectWriteRefusalKind.Invalid or ProspectWriteRefusalKind.JobNotOffered => StatusCodes.Status422UnprocessableEntity,
        ProspectWriteRefusalKind.ConnectionNotFound or ProspectWriteRefusalKind.CandidateNotFound => StatusCodes.Status404NotFound,
        ProspectWriteRefusalKind.AlreadyInAshby => StatusCodes.Status409Conflict,
        ProspectWriteRefusalKind.PermissionMissing => StatusCodes.Status403Forbidden,
        ProspectWriteRefusalKind.AshbyUnreachable => StatusCodes.Status503ServiceUnavailable,
        _ => StatusCodes.Status502BadGateway,
    };

    /// <summary>The refused outcome as a problem body; what was written before a failure is listed under <c>changes</c>.</summary>
    public static ProblemHttpResult Problem(ProspectWriteOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        var refusal = outcome.Refusal ?? throw new ArgumentException("The outcome is not a refusal.", nameof(outcome));
        var extensions = new Dictionary<string, object?> { ["kind"] = refusal.Kind.ToString() };
        if (refusal.CandidateId is not null) extensions["candidateId"] = refusal.CandidateId;
        if (refusal.Problems is { } problems) extensions[refusal.Kind == ProspectWriteRefusalKind.PermissionMissing ? "permissions" : "problems"] = problems;
        if (outcome.Changes.Count > 0) extensions["changes"] = outcome.Changes;
        return TypedResults.Problem(refusal.Detail, statusCode: StatusOf(refusal.Kind), title: refusal.Title, extensions: extensions);
    }
}
