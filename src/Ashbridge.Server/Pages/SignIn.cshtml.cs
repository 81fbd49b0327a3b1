using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Ashbridge.Server.Pages;

/// <summary>The sign-in form; it posts to <c>/account/signin</c>, which is rate-limited, locks an account after repeated wrong passwords, and is audited.</summary>
[AllowAnonymous]
public sealed class SignInModel : PageModel
{
    public string? ReturnUrl { get; private set; }

    /// <summary>Why the last attempt failed, in words for the person; null when it did not.</summary>
    public string? Problem { get; private set; }

    public void OnGet(string? returnUrl, string? error, long? until)
    {
        ReturnUrl = RedirectHttpResult.IsLocalUrl(returnUrl) ? returnUrl : null;
        Problem = error switch
        {
            null or "" => null,
            "locked" => "Too many wrong passwords for this account: it is locked" + (until is { } end
                ? $" until {DateTimeOffset.FromUnixTimeSeconds(end).ToString("HH:mm 'UTC'", CultureInfo.InvariantCulture)}. Try again then, or ask an admin to reset the password."
                : " for a while. Try again later, or ask an admin to reset the password."),
            _ => "That email and password do not match an active user. Check them, or ask an admin.",
        };
    }
}
