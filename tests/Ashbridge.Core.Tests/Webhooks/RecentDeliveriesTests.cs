using Ashbridge.Core.Webhooks;

namespace Ashbridge.Core.Tests.Webhooks;

public sealed class RecentDeliveriesTests
{
    private static readonly long Hour = (long)TimeSpan.FromHours(1).TotalMilliseconds;

    [Fact]
    public void A_key_is_remembered_for_the_window_and_forgotten_after_it()
    {
        var recent = new RecentDeliveries();
        var early = new DeliveryKey(1, "applicationUpdate", "a");
        var late = new DeliveryKey(1, "applicationUpdate", "b");

        recent.Add(early, 0);
        recent.Add(late, 47 * Hour);
        (recent.Contains(early), recent.Contains(late)).ShouldBe((true, true));

        recent.Add(new DeliveryKey(1, "candidateHire", "a"), 49 * Hour); // the same id under another action is its own key
        (recent.Contains(early), recent.Contains(late), recent.Count).ShouldBe((false, true, 2));
    }

    [Fact]
    public void A_key_added_twice_keeps_its_first_arrival()
    {
        var recent = new RecentDeliveries();
        var key = new DeliveryKey(2, "offerCreate", "x");

        recent.Add(key, 0);
        recent.Add(key, 40 * Hour);
        recent.Add(new DeliveryKey(2, "offerCreate", "y"), 49 * Hour);

        recent.Contains(key).ShouldBeFalse(); // its window ran from its first arrival, as the inbox stored it then
    }
}
