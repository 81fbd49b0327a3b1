namespace Ashbridge.Core.Dedupe;

/// <summary>
/// Common English short forms of first names and the name each stands for (Bob → robert, Liz → elizabeth), so that a
/// prospect called Bill and a candidate called William are the same first name. Small on purpose: a short form that
/// stands for several names (Alex, Sam, Chris) is left out rather than guessed.
/// </summary>
public static class Nicknames
{
    private static readonly Dictionary<string, string> Formal = Build(
        ("robert", "bob bobby rob robbie bert"),
        ("william", "bill billy will willy liam"),
        ("elizabeth", "liz lizzie beth betty eliza libby"),
        ("richard", "rick ricky dick rich"),
        ("james", "jim jimmy jamie"),
        ("john", "johnny jack"),
        ("jonathan", "jon"),
        ("michael", "mike mikey mick"),
        ("margaret", "maggie meg peggy marge"),
        ("katherine", "kate katie kathy kat catherine kathryn"),
        ("thomas", "tom tommy"),
        ("joseph", "joe joey"),
        ("daniel", "dan danny"),
        ("matthew", "matt"),
        ("anthony", "tony"),
        ("steven", "steve stephen"),
        ("edward", "ed eddie ted"),
        ("charles", "charlie chuck"),
        ("david", "dave davey"),
        ("benjamin", "ben benny"),
        ("nicholas", "nick nicky"),
        ("jennifer", "jen jenny"),
        ("rebecca", "becky becca"),
        ("patricia", "pat patty trish"),
        ("susan", "sue susie"),
        ("deborah", "debbie deb"),
        ("victoria", "vicky tori"),
        ("christopher", "kit"),
        ("andrew", "andy drew"),
        ("gregory", "greg"),
        ("timothy", "tim timmy"),
        ("kenneth", "ken kenny"),
        ("ronald", "ron ronnie"),
        ("donald", "don donnie"),
        ("lawrence", "larry"),
        ("theodore", "theo"),
        ("peter", "pete"),
        ("samantha", "sammie"),
        ("alexander", "xander"),
        ("abigail", "abby"),
        ("dorothy", "dot dottie"));

    /// <summary>The formal first name <paramref name="folded"/> (already folded) stands for, or itself.</summary>
    public static string Formalize(string folded) => Formal.GetValueOrDefault(folded, folded);

    private static Dictionary<string, string> Build(params (string Formal, string Short)[] names)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (formal, shorts) in names)
        {
            foreach (var s in shorts.Split(' ')) map[s] = formal;
        }

        return map;
    }
}
