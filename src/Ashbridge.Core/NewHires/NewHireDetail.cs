namespace Ashbridge.Core.NewHires;

/// <summary>A new hire with the field table the review form shows.</summary>
/// <param name="NewHire">The hire (without compensation for those who may not see it).</param>
/// <param name="Fields">The review form's rows.</param>
/// <param name="Suggestions">Field → the value members already use that this one probably means.</param>
public sealed record NewHireDetail(NewHire NewHire, IReadOnlyList<ReviewField> Fields, IReadOnlyDictionary<string, string> Suggestions);
