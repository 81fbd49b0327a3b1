using System.Text.Json;

namespace Ashbridge.Core.NewHires;

/// <summary>What the mirror holds about one hired application, as Ashby sent it.</summary>
/// <param name="Application">The application.</param>
/// <param name="Candidate">Its candidate (the survivor, after a merge), if mirrored.</param>
/// <param name="Job">Its job, if mirrored.</param>
/// <param name="Offers">Its live offers.</param>
/// <param name="DepartmentNames">Department id → name.</param>
/// <param name="LocationNames">Location id → name.</param>
public sealed record HireSources(
    JsonElement Application, JsonElement? Candidate, JsonElement? Job, IReadOnlyList<JsonElement> Offers,
    IReadOnlyDictionary<string, string> DepartmentNames, IReadOnlyDictionary<string, string> LocationNames);
