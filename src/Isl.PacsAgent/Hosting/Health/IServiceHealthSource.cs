namespace Isl.PacsAgent.Hosting.Health;

/// <summary>A hosted service that knows its own health better than its task does (a listener, a polling source).</summary>
public interface IServiceHealthSource
{
    /// <summary>The service's status now.</summary>
    ServiceHealth Health { get; }
}
