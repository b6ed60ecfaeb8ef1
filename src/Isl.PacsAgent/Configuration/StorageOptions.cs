namespace Isl.PacsAgent.Configuration;

/// <summary>Where the agent keeps its state (configuration section <c>Storage</c>).</summary>
public sealed class StorageOptions
{
    /// <summary>The configuration section name.</summary>
    public const string SectionName = "Storage";

    /// <summary>The durable spool of received instances.</summary>
    public string SpoolPath { get; set; } = "data/spool";

    /// <summary>The results database (SQLite): studies, instances, deliveries.</summary>
    public string DatabasePath { get; set; } = "data/agent.db";

    /// <summary>The Quartz job store (SQLite), kept apart so scheduler locking never blocks the results store.</summary>
    public string SchedulerDatabasePath { get; set; } = "data/scheduler.db";

    /// <summary>Where produced SR and SC files are written before delivery.</summary>
    public string OutputPath { get; set; } = "data/outputs";
}
