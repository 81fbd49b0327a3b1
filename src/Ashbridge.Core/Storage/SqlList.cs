using System.Data;
using System.Data.Common;
using System.Globalization;
using System.Text;
using Dapper;

namespace Ashbridge.Core.Storage;

/// <summary>
/// The one way to write an <c>IN (…)</c> list: one parameter per value (<c>@k0, @k1, …</c>), the same SQL on SQLite
/// and PostgreSQL. Dapper's own list expansion (<c>IN @ids</c>) is not used: on Npgsql it passes the array whole, which
/// PostgreSQL reads as one value. An empty list is written <c>NULL</c>, which matches nothing.
/// </summary>
/// <example>
/// <code>
/// var parameters = new DynamicParameters(new { connectionId });
/// var sql = $"SELECT … WHERE connection_id = @connectionId AND id IN ({SqlList.In(parameters, "id", ids)})";
/// </code>
/// </example>
public static class SqlList
{
    /// <summary>Adds <c>@{prefix}0…</c> to <paramref name="parameters"/>, one per value; returns their names, comma-separated.</summary>
    public static string In<T>(DynamicParameters parameters, string prefix, IReadOnlyList<T> values)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count == 0) return "NULL";
        var sql = new StringBuilder(values.Count * (prefix.Length + 4));
        for (var i = 0; i < values.Count; i++)
        {
            var name = Name(prefix, i);
            sql.Append(i == 0 ? "@" : ", @").Append(name);
            parameters.Add(name, values[i]);
        }

        return sql.ToString();
    }

    /// <summary>
    /// Adds <c>@{prefix}0…</c> to <paramref name="command"/> as text parameters, one per value, and appends their names,
    /// comma-separated, to <paramref name="sql"/> (for the hot paths that build their command by hand).
    /// </summary>
    public static StringBuilder AppendIn(this StringBuilder sql, DbCommand command, string prefix, IReadOnlyList<string> values)
    {
        ArgumentNullException.ThrowIfNull(sql);
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count == 0) return sql.Append("NULL");
        for (var i = 0; i < values.Count; i++)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = "@" + Name(prefix, i);
            parameter.DbType = DbType.String;
            parameter.Value = values[i];
            command.Parameters.Add(parameter);
            sql.Append(i == 0 ? "" : ", ").Append(parameter.ParameterName);
        }

        return sql;
    }

    private static string Name(string prefix, int index) => string.Create(CultureInfo.InvariantCulture, $"{prefix}{index}");
}
