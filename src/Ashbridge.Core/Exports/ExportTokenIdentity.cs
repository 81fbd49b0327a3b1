using Ashbridge.Core.Access;

namespace Ashbridge.Core.Exports;

/// <summary>Whom a presented export token speaks for: its export (and that export's connection), its user, and whether it sees compensation now.</summary>
public sealed record ExportTokenIdentity(long TokenId, string TokenName, long ExportId, long ConnectionId, User User, bool Compensation);
