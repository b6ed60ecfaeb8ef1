using Isl.PacsAgent.Configuration;
using Isl.PacsAgent.Delivery;

namespace Isl.PacsAgent.Tests.Delivery;

public sealed class RetryScheduleTests
{
    [Fact]
    public void DelayDoublesFromTheInitialBackoffUpToTheCap()
    {
        var schedule = RetrySchedule.From(new DeliveryOptions { InitialBackoffSeconds = 2, MaxBackoffSeconds = 30, MaxAttempts = 5 });

        Assert.Equal([2, 4, 8, 16, 30, 30], Enumerable.Range(1, 6).Select(n => schedule.DelayAfter(n).TotalSeconds));
        Assert.Equal(TimeSpan.FromSeconds(30), schedule.DelayAfter(int.MaxValue));
        Assert.False(schedule.IsExhausted(4));
        Assert.True(schedule.IsExhausted(5));
        Assert.Throws<ArgumentOutOfRangeException>(() => schedule.DelayAfter(0));
    }
}
