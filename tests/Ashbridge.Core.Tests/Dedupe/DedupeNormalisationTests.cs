using Ashbridge.Core.Dedupe;

namespace Ashbridge.Core.Tests.Dedupe;

public sealed class DedupeNormalisationTests
{
    [Theory]
    [InlineData("Jane.Doe@Example.com", "jane.doe@example.com", "jane.doe@example.com")]
    [InlineData(" jane.doe+ashby@example.com ", "jane.doe+ashby@example.com", "jane.doe@example.com")]
    [InlineData("J.A.N.E.doe+x@gmail.com", "j.a.n.e.doe+x@gmail.com", "janedoe@gmail.com")]
    [InlineData("jane.doe@googlemail.com", "jane.doe@googlemail.com", "janedoe@gmail.com")]
    public void Emails_compare_without_case_plus_tags_and_gmail_dots(string text, string exact, string canonical)
    {
        EmailKey.TryParse(text, out var key).ShouldBeTrue();
        key.Exact.ShouldBe(exact);
        key.Canonical.ShouldBe(canonical);
    }

    [Theory]
    [InlineData("jane")]
    [InlineData("jane@")]
    [InlineData("@example.com")]
    [InlineData("jane@@example.com")]
    [InlineData("jane doe@example.com")]
    [InlineData("jane@localhost")]
    public void Malformed_emails_are_refused(string text) => EmailKey.TryParse(text, out _).ShouldBeFalse();

    [Theory]
    [InlineData("(415) 555-0199", "US", "+14155550199")]
    [InlineData("+1 415-555-0199", "GB", "+14155550199")]
    [InlineData("020 7946 0018", "GB", "+442079460018")]
    [InlineData("+44 20 7946 0018", "US", "+442079460018")]
    public void Phones_become_E164_in_the_default_region(string text, string region, string e164)
    {
        PhoneKey.TryNormalize(text, region, out var normalized).ShouldBeTrue();
        normalized.ShouldBe(e164);
    }

    [Theory]
    [InlineData("not a phone")]
    [InlineData("12")]
    [InlineData("")]
    public void Unparsable_phones_are_refused(string text) => PhoneKey.TryNormalize(text, "US", out _).ShouldBeFalse();

    [Theory]
    [InlineData("https://www.linkedin.com/in/Jane-Doe/", ProfileUrlKind.LinkedIn, "linkedin:jane-doe")]
    [InlineData("http://uk.linkedin.com/in/jane-doe?trk=profile#about", ProfileUrlKind.LinkedIn, "linkedin:jane-doe")]
    [InlineData("linkedin.com/in/jane-doe/details/experience", ProfileUrlKind.LinkedIn, "linkedin:jane-doe")]
    [InlineData("https://github.com/JaneDoe/some-repo", ProfileUrlKind.GitHub, "github:janedoe")]
    [InlineData("www.github.com/janedoe/", ProfileUrlKind.GitHub, "github:janedoe")]
    [InlineData("https://www.JaneDoe.dev/about/?ref=x", ProfileUrlKind.Website, "web:janedoe.dev/about")]
    [InlineData("janedoe.dev", ProfileUrlKind.Website, "web:janedoe.dev")]
    public void Profile_urls_reduce_to_one_key(string text, ProfileUrlKind kind, string key)
    {
        ProfileUrl.TryParse(text, out var url).ShouldBeTrue();
        url.ShouldBe(new ProfileUrl(kind, key));
    }

    [Theory]
    [InlineData("not a url")]
    [InlineData("ftp://example.com/x")]
    [InlineData("localhost")]
    public void Non_web_addresses_are_refused(string text) => ProfileUrl.TryParse(text, out _).ShouldBeFalse();

    [Theory]
    [InlineData("José", "jose")]
    [InlineData("Müller", "muller")]
    [InlineData("Łukasz", "lukasz")]
    [InlineData("O'Brien", "obrien")]
    [InlineData("Straße", "strasse")]
    [InlineData("Ångström", "angstrom")]
    public void Name_parts_fold_case_accents_and_punctuation(string text, string folded) => NameFolding.Fold(text).ShouldBe(folded);

    [Theory]
    [InlineData("Bob", "robert")]
    [InlineData("bill", "william")]
    [InlineData("liz", "elizabeth")]
    [InlineData("zoe", "zoe")]
    public void Nicknames_stand_for_the_formal_name(string nickname, string formal) => Nicknames.Formalize(NameFolding.Fold(nickname)).ShouldBe(formal);

    [Theory]
    [InlineData("John", "Smith", "John Smith", NameLikeness.Same)]
    [InlineData("JOSÉ", "garcía", "Jose Garcia", NameLikeness.Same)]
    [InlineData("Smith", "John", "John Smith", NameLikeness.Swapped)]
    [InlineData("Bob", "Smith", "Robert Smith", NameLikeness.Nickname)]
    [InlineData("Jon", "Smtih", "John Smith", NameLikeness.Typo)]
    [InlineData("Mary", "Smith", "Mary Ann Smith", NameLikeness.Same)]
    public void Names_compare_through_accents_order_nicknames_and_typos(string first, string last, string candidate, NameLikeness likeness) =>
        PersonName.FromParts(first, last).Compare(PersonName.FromFullName(candidate)).ShouldBe(likeness);

    [Theory]
    [InlineData("John", "Smith", "Jane Smith")]
    [InlineData("John", "Smith", "John Miller")]
    [InlineData("John", "Smith", "John")]
    public void Different_names_do_not_match(string first, string last, string candidate) =>
        PersonName.FromParts(first, last).Compare(PersonName.FromFullName(candidate)).ShouldBeNull();

    [Fact]
    public void A_nickname_a_typo_and_the_other_order_meet_the_candidates_blocking_keys()
    {
        var stored = PersonName.FromFullName("Robert Smith").BlockingKeys();
        stored.ShouldBe(["l:smith|r", "f:robert|s"]);
        foreach (var (first, last) in new[] { ("Bob", "Smith"), ("Robert", "Smtih"), ("Rboert", "Smith"), ("Smith", "Robert") })
        {
            PersonName.FromParts(first, last).LookupKeys().Intersect(stored).ShouldNotBeEmpty($"{first} {last}");
        }
    }

    [Fact]
    public void A_prospect_with_nothing_to_check_or_malformed_values_gets_every_problem_listed()
    {
        Should.Throw<DuplicateCheckInvalidException>(() => ProspectKeys.Parse(new DuplicateProspect()))
            .Problems.ShouldBe(["Give a first and last name, or at least one email, phone or URL: there is nothing to check."]);
        Should.Throw<DuplicateCheckInvalidException>(() => ProspectKeys.Parse(new DuplicateProspect(FirstName: "Jane")))
            .Problems.ShouldHaveSingleItem().ShouldContain("both a first and a last name");

        var refused = Should.Throw<DuplicateCheckInvalidException>(() => ProspectKeys.Parse(
            new DuplicateProspect("Jane", "Doe", Emails: ["jane@", "jane@example.com"], Phones: ["call me"], Urls: ["not a url"]), "XX"));
        refused.Problems.ShouldBe(
        [
            "'XX' is not a region code; use two letters such as US, GB or DE.",
            "'jane@' is not an email address.",
            "'call me' is not a phone number (read in region US when it has no country code).",
            "'not a url' is not a web address.",
        ]);
    }

    [Fact]
    public void A_candidates_keys_come_from_every_email_phone_link_and_its_name()
    {
        using var json = System.Text.Json.JsonDocument.Parse(
            """
            {"name":"Jane Doe","primaryEmailAddress":{"value":"Jane.Doe@gmail.com","type":"Personal","isPrimary":true},
             "emailAddresses":[{"value":"Jane.Doe@gmail.com","type":"Personal","isPrimary":true},{"value":"jd@acme.com","type":"Work","isPrimary":false}],
             "phoneNumbers":[{"value":"+1 415-555-0199","type":"Personal","isPrimary":true},{"value":"n/a","type":"Work","isPrimary":false}],
             "socialLinks":[{"type":"LinkedIn","url":"https://www.linkedin.com/in/jane-doe"},{"type":"GitHub","url":"https://github.com/janedoe"}],
             "website":"https://janedoe.dev/"}
            """);
        CandidateKeys.Read(json.RootElement).ShouldBe(
        [
            new MatchKey(MatchKeyKind.Email, "janedoe@gmail.com", "jane.doe@gmail.com"),
            new MatchKey(MatchKeyKind.Email, "jd@acme.com", "jd@acme.com"),
            new MatchKey(MatchKeyKind.Phone, "+14155550199", "+1 415-555-0199"),
            new MatchKey(MatchKeyKind.Url, "linkedin:jane-doe", "https://www.linkedin.com/in/jane-doe"),
            new MatchKey(MatchKeyKind.Url, "github:janedoe", "https://github.com/janedoe"),
            new MatchKey(MatchKeyKind.Url, "web:janedoe.dev", "https://janedoe.dev/"),
            new MatchKey(MatchKeyKind.Name, "l:doe|j", "Jane Doe"),
            new MatchKey(MatchKeyKind.Name, "f:jane|d", "Jane Doe"),
        ], ignoreOrder: false);
    }
}
