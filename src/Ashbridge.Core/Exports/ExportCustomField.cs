namespace Ashbridge.Core.Exports;

/// <summary>
/// A custom field an export includes, as Ashby defined it when the export was made (its title names the column, so a
/// rename in Ashby does not move a planning tool's mapping).
/// </summary>
/// <param name="Id">Ashby's field id.</param>
/// <param name="Title">Its title when chosen.</param>
/// <param name="ObjectType">Candidate, Application, Job or Offer.</param>
/// <param name="FieldType">Ashby's type: String, Number, Date, Boolean, Currency, ValueSelect, MultiValueSelect…</param>
/// <param name="IsPrivate">A private field: shown only to those who see compensation.</param>
public sealed record ExportCustomField(string Id, string Title, string ObjectType, string FieldType, bool IsPrivate);
