using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Ashbridge.Server.Pages;

/// <summary>The sign-in form; it posts to <c>/account/signin</c>, which is rate-limited and audited.</summary>
[AllowAnonymous]
public sealed class SignInModel : PageModel
{
    public string? ReturnUrl { get; private set; }

    public bool Failed { get; private set; }

    public void OnGet(string? returnUrl, bool error)
    {
        ReturnUrl = returnUrl;
        Failed = error;
    }
}
