namespace Ashbridge.Emulator.Tests.Schema;

/// <summary>One call of a documented endpoint for the schema check, and whether it should succeed.</summary>
/// <param name="Endpoint">The endpoint, e.g. <c>candidate.list</c>.</param>
/// <param name="Body">The JSON body sent.</param>
/// <param name="ExpectSuccess">False for a call made to check an error answer's shape.</param>
public sealed record SchemaSample(string Endpoint, string Body, bool ExpectSuccess = true);
