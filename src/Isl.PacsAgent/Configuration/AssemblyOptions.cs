namespace Isl.PacsAgent.Configuration;

/// <summary>When a study counts as complete (configuration section <c>Assembly</c>).</summary>
public sealed class AssemblyOptions
{
    /// <summary>The configuration section name.</summary>
    public const string SectionName = "Assembly";

    /// <summary>Seconds without a new instance after which a study is scored.</summary>
    public double StableAgeSeconds { get; set; } = 30;

    /// <summary>
    /// Stable ages by calling AE title, for senders that hand over a study only once it is complete: the Orthanc router
    /// sends after Orthanc's own stable age, so a second full wait would only delay the result. A study waits the
    /// stable age of the source of its latest instance; late instances are scored again, as from any sender.
    /// </summary>
    public Dictionary<string, double> StableAgeSecondsByCaller { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Quartz worker threads that run assembly jobs (they only hand studies to the scoring queue).</summary>
    public int SchedulerThreads { get; set; } = 2;

    /// <summary>The stable age as a span.</summary>
    public TimeSpan StableAge => TimeSpan.FromSeconds(StableAgeSeconds);

    /// <summary>The stable age of instances sent by <paramref name="callingAeTitle"/>.</summary>
    public TimeSpan StableAgeFor(string callingAeTitle) =>
        StableAgeSecondsByCaller.TryGetValue(callingAeTitle.Trim(), out var seconds) ? TimeSpan.FromSeconds(seconds) : StableAge;
}
