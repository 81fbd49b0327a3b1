using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace Ashbridge.Server.Pages;

/// <summary>
/// A message that survives Post/Redirect/Get: a form handler stores it, redirects, and the layout shows it once on the
/// page the browser lands on, so a refresh neither re-submits nor shows it again.
/// </summary>
public static class Flash
{
    public const string MessageKey = "flash";
    public const string KindKey = "flash-kind";

    /// <summary>Something done: shown as a status.</summary>
    public static void Ok(this ITempDataDictionary tempData, string message) => Set(tempData, message, "ok");

    /// <summary>Something refused or failed: shown as an alert.</summary>
    public static void Error(this ITempDataDictionary tempData, string message) => Set(tempData, message, "error");

    /// <summary>Done, but with something to look at.</summary>
    public static void Warn(this ITempDataDictionary tempData, string message) => Set(tempData, message, "warn");

    private static void Set(ITempDataDictionary tempData, string message, string kind)
    {
        ArgumentNullException.ThrowIfNull(tempData);
        tempData[MessageKey] = message;
        tempData[KindKey] = kind;
    }
}
