namespace Ashbridge.Core.Dedupe;

/// <summary>How alike two names are, strongest first.</summary>
public enum NameLikeness
{
    /// <summary>The same first and last name (case and accents aside).</summary>
    Same,

    /// <summary>The same two names, first and last the other way round.</summary>
    Swapped,

    /// <summary>The same last name, and first names that are one name's short and formal forms (Bob, Robert).</summary>
    Nickname,

    /// <summary>Names a typo apart (Jaro-Winkler similarity of each part at least <see cref="PersonName.TypoThreshold"/>).</summary>
    Typo,
}
