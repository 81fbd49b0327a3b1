using Ashbridge.Core.Storage;

namespace Ashbridge.Core.Tests.Storage;

public sealed class DatabaseLocationTests
{
    [Fact]
    public void A_plain_path_is_a_sqlite_file_whose_folder_is_the_data_folder()
    {
        var location = DatabaseLocation.Parse("/var/lib/ashbridge/hub.db");

        location.Provider.ShouldBe(DatabaseProvider.Sqlite);
        location.SqliteFile.ShouldBe("/var/lib/ashbridge/hub.db");
        location.DataFolder.ShouldBe("/var/lib/ashbridge");
    }

    [Fact]
    public void A_postgres_url_becomes_an_npgsql_connection_string()
    {
        var location = DatabaseLocation.Parse("postgres://ash:p%40ss@db.internal:6543/hub");

        location.Provider.ShouldBe(DatabaseProvider.Postgres);
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(location.ConnectionString);
        (builder.Host, builder.Port, builder.Database, builder.Username, builder.Password).ShouldBe(("db.internal", 6543, "hub", "ash", "p@ss"));
        location.ToString().ShouldNotContain("p@ss");
    }

    [Fact]
    public void A_postgres_connection_string_is_recognised()
    {
        DatabaseLocation.Parse("Host=localhost;Database=hub;Username=a;Password=b").Provider.ShouldBe(DatabaseProvider.Postgres);
    }

    [Fact]
    public void A_sqlite_connection_string_keeps_its_file()
    {
        DatabaseLocation.Parse("Data Source=/tmp/x/hub.db").SqliteFile.ShouldBe("/tmp/x/hub.db");
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("postgres://")]
    public void An_unusable_setting_says_what_is_expected(string value)
    {
        Should.Throw<FormatException>(() => DatabaseLocation.Parse(value)).Message.ShouldContain("postgres");
    }
}
