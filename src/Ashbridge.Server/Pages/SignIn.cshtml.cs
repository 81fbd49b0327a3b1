using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Ashbridge.Server.Pages;

/// <summary>The sign-in form; it posts to <c>/account/signin</c>, which is rate-limited, locks an account after repeated wrong passwords, and is audited.</summary>
[AllowAnonymous]
public sealed class SignInModel : PageModel
{
    /// <summary>The values of <c>error</c> that <c>/account/signin</c> sends back with (<c>Access/AccessEndpoints.cs</c>).</summary>
    public const string Refused = "refused";

    public const string Locked = "locked";

    /// <summary>The TempData key under which <c>/account/signin</c> keeps the email of a refused attempt (not in the address, where logs would keep it).</summary>
    public const string EmailKey = "signin-email";

    public string? ReturnUrl { get; private set; }

    /// <summary>The email of the attempt just refused, so the person only types the password again.</summary>
    public string? Email { get; private set; }

    /// <summary>Why the last attempt failed, in words for the person; null when it did not.</summary>
    public string? Problem { get; private set; }

    public void OnGet(string? returnUrl, string? error, long? until)
    {
        ReturnUrl = RedirectHttpResult.IsLocalUrl(returnUrl) ? returnUrl : null;
        Email = TempData[EmailKey] as string;
        Problem = error switch
        {
            null or "" => null,
            Locked => "Too many wrong passwords for this account: it is locked" + (until is { } end
                ? $" until {DateTimeOffset.FromUnixTimeSeconds(end).ToString("HH:mm 'UTC'", CultureInfo.InvariantCulture)}. Try again then, or ask an admin to reset the password."
                : " for a while. Try again later, or ask an admin to reset the password."),
            _ => "That email and password do not match an active user. Check them, or ask an admin.",
        };
    }
}
