namespace Isl.PacsAgent.Delivery;

/// <summary>Delivers result files to a DICOM AE by C-STORE.</summary>
public sealed class CStoreDestination(string name, string host, int port, string callingAeTitle, string calledAeTitle, ICStoreSender sender) : IResultDestination
{
    /// <inheritdoc />
    public string Name => name;

    /// <inheritdoc />
    public Task DeliverAsync(DeliveryPackage package, CancellationToken cancellationToken) =>
        package.Files.Count == 0
            ? Task.CompletedTask
            : sender.SendAsync(host, port, callingAeTitle, calledAeTitle, package.Files, cancellationToken);
}
