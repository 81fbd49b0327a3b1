using System.Text.Json;
using Ashbridge.Core.NewHires;

namespace Ashbridge.Core.Tests.NewHires;

/// <summary>Settings come straight from JSON (the API, the stored row), so validating them must survive any gap in it.</summary>
public sealed class NewHireSettingsTests
{
    [Fact]
    public void Null_entries_members_and_lists_are_each_a_problem_not_an_exception()
    {
        var settings = JsonSerializer.Deserialize<NewHireSettings>(
            """
            {"disabledFields":null,
             "customMappings":[null,{"source":"Candidate"},{"source":99,"type":"Text","ashbyFieldId":"f","memberField":"Shoe size"}],
             "compensationTypes":[{},null]}
            """, JsonSerializerOptions.Web)!;

        var problems = settings.Validate();

        problems.ShouldContain(p => p.StartsWith("Custom mapping 1 is empty (null)", StringComparison.Ordinal));
        problems.ShouldContain("A custom mapping needs a member field name.");
        problems.ShouldContain(p => p.StartsWith("The custom mapping 'Shoe size' reads from an unknown object", StringComparison.Ordinal));
        problems.ShouldContain("A compensation type needs a name.");
        problems.ShouldContain(p => p.StartsWith("Compensation type 2 is empty (null)", StringComparison.Ordinal));
    }

    [Fact]
    public void Good_settings_have_no_problems() =>
        new NewHireSettings([NewHireFields.PersonalPhone], [new CustomMapping(CustomFieldSource.Offer, "f", "Shoe size", MemberFieldType.Number)], [new CompensationType("Bonus", "b")])
            .Validate().ShouldBeEmpty();
}
