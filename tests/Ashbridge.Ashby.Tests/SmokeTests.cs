namespace Ashbridge.Ashby.Tests;

public class SmokeTests
{
    [Fact]
    public void Builds() => (1 + 1).ShouldBe(2);
}
