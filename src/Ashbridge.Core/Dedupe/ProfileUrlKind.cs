namespace Ashbridge.Core.Dedupe;

/// <summary>What a profile URL points at; LinkedIn and GitHub keys are reduced to the person's handle.</summary>
public enum ProfileUrlKind
{
    /// <summary>A LinkedIn profile (<c>linkedin.com/in/&lt;slug&gt;</c>).</summary>
    LinkedIn,

    /// <summary>A GitHub account (<c>github.com/&lt;user&gt;</c>).</summary>
    GitHub,

    /// <summary>Any other page (a personal website, a portfolio).</summary>
    Website,
}
