namespace Ashbridge.Emulator.Auth;

/// <summary>An API key of the emulated organisation, with its module permissions and its two access flags.</summary>
internal sealed record ApiKey(
    string Key,
    string Title,
    IReadOnlySet<string> Permissions,
    bool AllowConfidential,
    bool AllowPrivateFields,
    bool Deactivated,
    long CreatedMs);
