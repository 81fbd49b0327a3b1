namespace Ashbridge.Core.OpenRoles;

/// <summary>Told when an import of open roles ends (the notices: in the app and by e-mail); a failure here is logged, never the import's.</summary>
public interface IOpenRoleImportObserver
{
    Task ImportFinishedAsync(OpenRoleImportResult result, CancellationToken cancellationToken);
}
