using Ashbridge.Core.Dedupe.Batches;

namespace Ashbridge.Core.Tests.Dedupe.Batches;

public sealed class BatchMappingTests
{
    [Fact]
    public void The_mapping_is_guessed_from_the_headers_people_write()
    {
        string[] headers = ["First name", "Last Name", "Full name", "Email(s)", "Work e-mail", "Mobile phone", "LinkedIn URL", "GitHub", "Website", "Current company", "Job (id)", "Tags", "Source", "Notes", "first_name"];
        BatchMapping.Guess(headers).Fields.ShouldBe([
            BatchField.FirstName, BatchField.LastName, BatchField.Name, BatchField.Email, BatchField.Email, BatchField.Phone, BatchField.LinkedIn, BatchField.GitHub,
            BatchField.Website, BatchField.Company, BatchField.Job, BatchField.Tags, BatchField.Source, null, null, // a second first-name column is left to a person
        ]);
    }

    [Fact]
    public void A_person_changes_the_mapping_by_header_or_column_number_and_mistakes_are_named()
    {
        string[] headers = ["Who", "Contact", "Notes"];
        var guessed = BatchMapping.Guess(headers);
        guessed.Fields.ShouldBe([null, null, null]);
        var changed = guessed.With(headers, new Dictionary<string, string?> { ["who"] = "Name", ["2"] = "email" });
        changed.Fields.ShouldBe([BatchField.Name, BatchField.Email, null]);
        changed.With(headers, new Dictionary<string, string?> { ["Contact"] = "" }).Fields.ShouldBe([BatchField.Name, null, null]);

        Should.Throw<DedupeBatchException>(() => guessed.With(headers, new Dictionary<string, string?> { ["Phone"] = "phone" })).Message.ShouldContain("no column 'Phone'");
        Should.Throw<DedupeBatchException>(() => guessed.With(headers, new Dictionary<string, string?> { ["Notes"] = "hobby" })).Message.ShouldContain("'hobby' is not a field");
        Should.Throw<DedupeBatchException>(() => guessed.With(headers, new Dictionary<string, string?> { ["Who"] = "company", ["Notes"] = "company" })).Message.ShouldContain("Company is given to 'Who' and 'Notes'");
        BatchMapping.FromJson(changed.ToJson()).Fields.ShouldBe(changed.Fields);
    }
}
