namespace Isl.PacsAgent.Delivery;

/// <summary>A place results are delivered to. Delivering the same package twice must leave one copy (results carry deterministic UIDs).</summary>
public interface IResultDestination
{
    /// <summary>The configured name.</summary>
    string Name { get; }

    /// <summary>Sends the package; throws on any failure so that the delivery is retried.</summary>
    Task DeliverAsync(DeliveryPackage package, CancellationToken cancellationToken);
}
