namespace Ashbridge.Core.Storage;

/// <summary>A schema migration: its version and what it does.</summary>
public sealed record AppliedMigration(long Version, string Description);
