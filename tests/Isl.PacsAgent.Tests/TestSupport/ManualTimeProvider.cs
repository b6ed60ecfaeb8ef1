namespace Isl.PacsAgent.Tests.TestSupport;

/// <summary>A clock tests move by hand.</summary>
public sealed class ManualTimeProvider(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset now = start;

    public ManualTimeProvider()
        : this(new DateTimeOffset(2026, 1, 1, 8, 0, 0, TimeSpan.Zero))
    {
    }

    public override DateTimeOffset GetUtcNow() => now;

    public void Advance(TimeSpan by) => now += by;
}
