namespace Ashbridge.Core.NewHires;

/// <summary>The field mapping of a connection's new hires, as its page and the API show it.</summary>
/// <param name="Settings">The saved mapping.</param>
/// <param name="ImportFrom">Hires from this instant on are imported.</param>
/// <param name="Fields">The default fields, each with whether it is on.</param>
/// <param name="AshbyCustomFields">Ashby's custom field definitions a mapping can use.</param>
public sealed record MappingView(NewHireSettings Settings, DateTimeOffset ImportFrom, IReadOnlyList<MappingField> Fields, IReadOnlyList<AshbyCustomField> AshbyCustomFields);
