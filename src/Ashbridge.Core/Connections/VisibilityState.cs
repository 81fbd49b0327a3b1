namespace Ashbridge.Core.Connections;

/// <summary>Whether some data behind a key flag can be seen.</summary>
public enum VisibilityState
{
    /// <summary>The key sees it: at least one such object came back.</summary>
    Visible,

    /// <summary>None came back: the key lacks the flag, or the organisation has none.</summary>
    NoneVisible,

    /// <summary>The key cannot read the list that would tell.</summary>
    Unknown,
}
