using Isl.PacsAgent.Delivery;
using Isl.PacsAgent.Storage;
using Isl.PacsAgent.Tests.TestSupport;
using Isl.Testing;

namespace Isl.PacsAgent.Tests.Delivery;

public sealed class DeliveryStoreTests : IDisposable
{
    private readonly TempDirectory temp = new("isl-delivery");
    private readonly ManualTimeProvider time = new();
    private readonly DeliveryStore store;
    private readonly RetrySchedule schedule = new(3, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(60));

    public DeliveryStoreTests() => store = new DeliveryStore(new AgentDatabase(temp.Combine("agent.db")), time);

    public void Dispose() => temp.Dispose();

    [Fact]
    public void FailedDeliveriesBackOffThenDeadLetterAfterTheLastAttempt()
    {
        store.Enqueue("1.2.3", 1, ["pacs"]);
        var delivery = Assert.Single(store.ListDue());

        var first = store.RecordFailure(delivery.Id, "connection refused", schedule);
        Assert.False(first.DeadLettered);
        Assert.Equal(time.GetUtcNow() + TimeSpan.FromSeconds(2), first.NextAttemptUtc);
        Assert.Empty(store.ListDue());

        time.Advance(TimeSpan.FromSeconds(2));
        Assert.Single(store.ListDue());
        var second = store.RecordFailure(delivery.Id, "connection refused", schedule);
        Assert.Equal(time.GetUtcNow() + TimeSpan.FromSeconds(4), second.NextAttemptUtc);

        time.Advance(TimeSpan.FromSeconds(4));
        var third = store.RecordFailure(delivery.Id, "HTTP 503", schedule);
        Assert.True(third.DeadLettered);

        time.Advance(TimeSpan.FromHours(1));
        Assert.Empty(store.ListDue());
        var dead = Assert.Single(store.ListDeadLetters());
        Assert.Equal(("1.2.3", "pacs", 3, "HTTP 503"), (dead.StudyInstanceUid, dead.Destination, dead.Attempts, dead.LastError));
        Assert.Equal((true, true), store.Summarise("1.2.3", 1));
    }

    [Fact]
    public void EnqueueIsIdempotentAndANewRevisionSupersedesPendingOnes()
    {
        store.Enqueue("1.2.3", 1, ["pacs", "web"]);
        store.Enqueue("1.2.3", 1, ["pacs", "web"]);
        Assert.Equal(2, store.ListDue().Count);

        store.Enqueue("1.2.3", 2, ["pacs", "web"]);
        var all = store.ListForStudy("1.2.3");
        Assert.Equal(4, all.Count);
        Assert.All(all.Where(d => d.Revision == 1), d => Assert.Equal(DeliveryState.Superseded, d.State));
        Assert.Equal(2, store.ListDue().Count(d => d.Revision == 2));

        foreach (var d in store.ListDue())
        {
            store.MarkDelivered(d.Id);
        }

        Assert.Equal((true, false), store.Summarise("1.2.3", 2));
    }
}
