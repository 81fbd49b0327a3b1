using System.Data;
using System.Globalization;
using Dapper;

namespace Ashbridge.Core.Storage;

/// <summary>
/// Dapper's type handlers for the hub's schema, registered once per process before the first connection is handed out
/// (<see cref="AshbridgeDatabase"/> calls <see cref="Register"/>), so every store binds and reads these types directly:
/// a <see cref="DateTimeOffset"/> is an instant stored as Unix milliseconds in an integer column (<c>…_ms</c>, bigint on
/// PostgreSQL). Enums stored as text go through <see cref="StoredText"/> instead: Dapper binds an enum as its number and
/// reads one with <c>Enum.Parse</c>, whatever handler is registered (Dapper 2.1), so a handler would never be asked.
/// </summary>
public static class StorageTypeHandlers
{
    private static int _registered;

    /// <summary>Registers the handlers with Dapper; later calls do nothing.</summary>
    public static void Register()
    {
        if (Interlocked.Exchange(ref _registered, 1) == 1) return;
        // Dapper binds the types of its own map (DateTimeOffset among them) without asking a handler: out of the map first.
        SqlMapper.RemoveTypeMap(typeof(DateTimeOffset));
        SqlMapper.RemoveTypeMap(typeof(DateTimeOffset?));
        SqlMapper.AddTypeHandler(new UnixMillisecondsHandler());
    }

    /// <summary>An instant as Unix milliseconds in an integer column.</summary>
    private sealed class UnixMillisecondsHandler : SqlMapper.TypeHandler<DateTimeOffset>
    {
        public override void SetValue(IDbDataParameter parameter, DateTimeOffset value)
        {
            parameter.DbType = DbType.Int64;
            parameter.Value = value.ToUnixTimeMilliseconds();
        }

        public override DateTimeOffset Parse(object value) => DateTimeOffset.FromUnixTimeMilliseconds(Convert.ToInt64(value, CultureInfo.InvariantCulture));
    }
}
