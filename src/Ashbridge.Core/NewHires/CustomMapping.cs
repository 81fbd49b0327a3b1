namespace Ashbridge.Core.NewHires;

/// <summary>An Ashby custom field copied into a named member field.</summary>
/// <param name="Source">The object carrying the field (for offers, the accepted offer's latest version).</param>
/// <param name="AshbyFieldId">The custom field definition's id (from <c>customField.list</c>).</param>
/// <param name="MemberField">The member field's name.</param>
/// <param name="Type">What the value must convert to.</param>
public sealed record CustomMapping(CustomFieldSource Source, string AshbyFieldId, string MemberField, MemberFieldType Type);
