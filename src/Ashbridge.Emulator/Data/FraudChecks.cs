namespace Ashbridge.Emulator.Data;

/// <summary>
/// Fraud checks and client info, derived from a candidate on read (nothing is stored, so a million candidates cost
/// nothing): the same seed and candidate always give the same rows. A candidate has one fraud check when its
/// <c>fraudStatus</c> is set (generated for about 12%, or set through the API); client info exists for every
/// application that came in through a job posting.
/// </summary>
internal static class FraudChecks
{
    private const long Minute = 60_000;

    private static readonly (string Category, string Name, string Description, string? Value)[] Signals =
    [
        ("Identity", "Recently created email", "The email address was created shortly before the application.", "9 days"),
        ("Identity", "VoIP phone number", "The phone number belongs to a VoIP provider.", "VoIP"),
        ("Network", "VPN or proxy", "The application was submitted through a VPN or proxy.", null),
        ("Network", "Location mismatch", "The submitting IP address is far from the candidate's stated location.", "3,400 km"),
        ("Profile", "Thin LinkedIn profile", "The LinkedIn profile has few connections and was created recently.", "12 connections"),
        ("Resume", "Duplicate resume", "The resume closely matches another candidate's.", null),
    ];

    private static readonly string[] UserAgents =
    [
        "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_6) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15",
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36",
        "Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0",
        "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1",
    ];

    public static IReadOnlyList<FraudCheck> Of(Organization org, Candidate c)
    {
        if (c.FraudStatus is null) return [];
        var rng = For(org, c.Id, 0xF4A0D);
        var application = c.Applications.FirstOrDefault(a => !a.Deleted);
        var signals = new List<(Guid, string, string, string, string?)>();
        if (c.FraudStatus != "PassedFraudCheck")
        {
            var first = rng.Next(Signals.Length);
            var count = 1 + rng.Next(3);
            for (var k = 0; k < count; k++)
            {
                var s = Signals[(first + k) % Signals.Length];
                signals.Add((rng.NextGuid(), s.Category, s.Name, s.Description, s.Value));
            }
        }

        var created = (application?.CreatedMs ?? c.CreatedMs) + (1 + rng.Next(30)) * Minute;
        return [new FraudCheck { Id = rng.NextGuid(), Candidate = c, Application = application, Signals = [.. signals], CreatedMs = created, UpdatedMs = created }];
    }

    public static IReadOnlyList<ClientInfo> ClientInfoOf(Organization org, Candidate c)
    {
        var list = new List<ClientInfo>();
        foreach (var a in c.Applications)
        {
            if (a.Deleted || a.AppliedViaPosting is null) continue;
            var rng = For(org, a.Id, 0xC11E);
            list.Add(new ClientInfo
            {
                Id = rng.NextGuid(), Candidate = c, Application = a, CreatedMs = a.CreatedMs, UpdatedMs = a.CreatedMs,
                IpAddress = rng.Chance(0.5) ? $"203.0.113.{1 + rng.Next(254)}" : $"198.51.100.{1 + rng.Next(254)}", UserAgent = rng.Pick(UserAgents),
            });
        }

        return list;
    }

    private static DeterministicRandom For(Organization org, Guid id, int salt)
    {
        Span<byte> bytes = stackalloc byte[16];
        id.TryWriteBytes(bytes);
        return new DeterministicRandom(org.Seed ^ salt ^ BitConverter.ToInt64(bytes) ^ BitConverter.ToInt64(bytes[8..]));
    }
}
