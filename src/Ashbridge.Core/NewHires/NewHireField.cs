namespace Ashbridge.Core.NewHires;

/// <summary>One default field of a new hire: where it comes from in Ashby, what it becomes, and whether it may be switched off.</summary>
/// <param name="Key">The member field's key, as the API and the stored values name it.</param>
/// <param name="Label">The member field, as people read it.</param>
/// <param name="AshbyField">The Ashby field it is read from, named as the seed's mapping table names it.</param>
/// <param name="Required">First name, last name, job title and personal email cannot be switched off.</param>
/// <param name="AdminOnly">Compensation: shown to admins only.</param>
public sealed record NewHireField(string Key, string Label, string AshbyField, bool Required, bool AdminOnly = false);
