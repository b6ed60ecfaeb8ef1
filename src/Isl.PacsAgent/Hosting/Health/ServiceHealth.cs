using System.Text.Json.Serialization;

namespace Isl.PacsAgent.Hosting.Health;

/// <summary>One hosted service's status as <c>/health</c> reports it.</summary>
/// <param name="Name">The service (its type name, or "scheduler" for Quartz).</param>
/// <param name="Status"><c>running</c>, <c>finished</c> (one-shot work done), <c>disabled</c> (configured off), <c>starting</c>, <c>stopped</c> or <c>failed</c>.</param>
/// <param name="Detail">Why it is not running, when known.</param>
public sealed record ServiceHealth(string Name, string Status, string? Detail = null)
{
    /// <summary>The service runs.</summary>
    public const string Running = "running";

    /// <summary>A one-shot service did its work (start-up recovery).</summary>
    public const string Finished = "finished";

    /// <summary>The service is configured off (not a fault).</summary>
    public const string Disabled = "disabled";

    /// <summary>The host has not finished starting it.</summary>
    public const string Starting = "starting";

    /// <summary>The service ended while the agent runs.</summary>
    public const string Stopped = "stopped";

    /// <summary>The service ended with an error, or its last work failed (a source that cannot be reached).</summary>
    public const string Failed = "failed";

    /// <summary>Whether this status keeps the agent healthy.</summary>
    [JsonIgnore]
    public bool IsUp => Status is Running or Finished or Disabled;
}
