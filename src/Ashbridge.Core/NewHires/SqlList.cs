using Dapper;

namespace Ashbridge.Core.NewHires;

/// <summary>Explicit parameters for an <c>IN (…)</c> list (Dapper's list expansion passes arrays whole on Npgsql).</summary>
internal static class SqlList
{
    public static string In(DynamicParameters parameters, string prefix, IReadOnlyList<string> values)
    {
        var names = new string[values.Count];
        for (var i = 0; i < values.Count; i++)
        {
            names[i] = "@" + prefix + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            parameters.Add(names[i], values[i]);
        }

        return string.Join(", ", names);
    }
}
