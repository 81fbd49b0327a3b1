namespace Ashbridge.Core.Mirror;

/// <summary>The SQL type of a typed mirror column.</summary>
public enum MirrorColumnType
{
    /// <summary>Text.</summary>
    Text,

    /// <summary>A time as Unix milliseconds (a 64-bit integer).</summary>
    Time,

    /// <summary>A 32-bit integer.</summary>
    Number,

    /// <summary>A boolean.</summary>
    Boolean,
}
