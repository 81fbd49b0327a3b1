namespace Ashbridge.Core.Dedupe;

/// <summary>A source or a user a sourcer may pick when uploading: its Ashby id and the name to show.</summary>
public sealed record UploadOption(string Id, string Name);
