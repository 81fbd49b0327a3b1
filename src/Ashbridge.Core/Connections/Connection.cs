namespace Ashbridge.Core.Connections;

/// <summary>
/// One Ashby account the hub talks to. The API key is not here: it stays encrypted in the database and is read only to
/// build a client (<see cref="ConnectionStore.ReadApiKeyAsync"/>), so a connection can be logged or serialized safely.
/// </summary>
/// <param name="Id">The database id.</param>
/// <param name="Name">A short name, unique, usable in URLs (<c>acme</c>, <c>acme-eu</c>).</param>
/// <param name="BaseUrl">The Ashby API's base URL: the public one, or an emulator's.</param>
/// <param name="SyncIntervalMinutes">Minutes between incremental passes, when set (default 5).</param>
/// <param name="SyncCron">A Quartz cron expression for incremental passes; wins over the interval.</param>
/// <param name="CreatedAt">When it was added.</param>
/// <param name="UpdatedAt">When its key or schedule last changed.</param>
public sealed record Connection(
    long Id, string Name, Uri BaseUrl, int? SyncIntervalMinutes, string? SyncCron, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);
