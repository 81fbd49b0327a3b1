using System.Text.Json;

namespace Ashbridge.Core.Mirror;

/// <summary>A typed column read out of each row's JSON, for the features to filter and join on.</summary>
/// <param name="Name">The column's name in the table.</param>
/// <param name="Type">Its SQL type.</param>
/// <param name="Read">Reads the value from the row's JSON; <see langword="null"/> when absent.</param>
public sealed record MirrorColumn(string Name, MirrorColumnType Type, Func<JsonElement, object?> Read);
