namespace Ashbridge.Ashby;

/// <summary>Files: <c>file.*</c>. Methods are virtual so test doubles can override them.</summary>
public class FilesClient : AshbyServiceClient
{
    /// <summary>For test doubles: override the methods you call.</summary>
    protected FilesClient()
    {
    }

    internal FilesClient(AshbyTransport transport)
        : base(transport)
    {
    }

    /// <summary>
    /// Answers a download URL for a file handle (a candidate's resume or other file, see <see cref="FileHandle"/>).
    /// The URL is short-lived: download soon, store the file rather than the URL. Needs candidatesRead. Calls <c>file.info</c>.
    /// </summary>
    /// <param name="request">The parameters.</param>
    /// <param name="options">Per-call options.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The result.</returns>
    /// <exception cref="AshbyApiException">Ashby answered with an error (for example, the handle is unknown).</exception>
    [AshbyEndpoint(AshbyEndpoints.FileInfo)]
    public virtual Task<FileInfoResult> InfoAsync(FileInfoRequest request, AshbyRequestOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return SendAsync(AshbyEndpoints.FileInfo, request, AshbyJsonContext.Default.FileInfoRequest, AshbyJsonContext.Default.FileInfoResult, options, cancellationToken);
    }
}
