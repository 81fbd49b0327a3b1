namespace Ashbridge.Core.Members;

/// <summary>The values members already use, which new hires are matched against.</summary>
public sealed record KnownValues(IReadOnlyList<string> JobTitles, IReadOnlyList<string> Departments, IReadOnlyList<string> PlacesOfWork);
