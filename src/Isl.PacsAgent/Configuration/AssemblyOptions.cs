namespace Isl.PacsAgent.Configuration;

/// <summary>When a study counts as complete (configuration section <c>Assembly</c>).</summary>
public sealed class AssemblyOptions
{
    /// <summary>The configuration section name.</summary>
    public const string SectionName = "Assembly";

    /// <summary>Seconds without a new instance after which a study is scored.</summary>
    public double StableAgeSeconds { get; set; } = 30;

    /// <summary>Quartz worker threads that run assembly jobs (they only hand studies to the scoring queue).</summary>
    public int SchedulerThreads { get; set; } = 2;

    /// <summary>The stable age as a span.</summary>
    public TimeSpan StableAge => TimeSpan.FromSeconds(StableAgeSeconds);
}
