using System.Data;
using System.Data.Common;

namespace Ashbridge.Core.Sync;

/// <summary>Typed parameters: PostgreSQL needs a type even for nulls in multi-row VALUES, or it guesses text.</summary>
internal static class DbCommandExtensions
{
    public static DbCommand Command(this DbConnection db, DbTransaction? transaction, string sql)
    {
        var command = db.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }

    public static void Add(this DbCommand command, string name, object? value, DbType type)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.DbType = type;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
    }

    public static void Add(this DbCommand command, string name, string? value) => command.Add(name, value, DbType.String);

    public static void Add(this DbCommand command, string name, long? value) => command.Add(name, value, DbType.Int64);
}
