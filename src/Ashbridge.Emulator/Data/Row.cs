namespace Ashbridge.Emulator.Data;

/// <summary>What every listable object shares: an id, timestamps and the change sequence sync tokens compare.</summary>
internal abstract class Row
{
    public Guid Id;
    public long CreatedMs;
    public long UpdatedMs;

    /// <summary>The organisation's change sequence number at this row's last change (0 = as generated).</summary>
    public long Seq;

    /// <summary>Hard-deleted rows stay in the ordered list (so cursor positions never shift) but are never served.</summary>
    public bool Deleted;
}
