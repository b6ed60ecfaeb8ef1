namespace Isl.PacsAgent.Configuration;

/// <summary>Where the agent keeps its state (configuration section <c>Storage</c>).</summary>
public sealed class StorageOptions
{
    /// <summary>The configuration section name.</summary>
    public const string SectionName = "Storage";

    /// <summary>The durable spool of received instances: <c>scp/</c> for C-STORE, <c>orthanc/</c> for the change feed, each in the one spool layout.</summary>
    public string SpoolPath { get; set; } = "data/spool";

    /// <summary>The spool of instances received by the C-STORE SCP.</summary>
    public string ScpSpoolPath => Path.Combine(Path.GetFullPath(SpoolPath), "scp");

    /// <summary>The spool of instances fetched from Orthanc's change feed.</summary>
    public string OrthancSpoolPath => Path.Combine(Path.GetFullPath(SpoolPath), "orthanc");

    /// <summary>The results database (SQLite): studies, instances, deliveries.</summary>
    public string DatabasePath { get; set; } = "data/agent.db";

    /// <summary>The Quartz job store (SQLite), kept apart so scheduler locking never blocks the results store.</summary>
    public string SchedulerDatabasePath { get; set; } = "data/scheduler.db";

    /// <summary>Where produced SR and SC files are written before delivery.</summary>
    public string OutputPath { get; set; } = "data/outputs";
}
