using Isl.Dicom.Network.Client;

namespace Isl.PacsAgent.Delivery;

/// <summary>Sends result files by C-STORE with Isl.Dicom.Network's SCU; fails unless every instance is stored.</summary>
public sealed class NetworkCStoreSender : ICStoreSender
{
    /// <inheritdoc />
    public async Task SendAsync(string host, int port, string callingAeTitle, string calledAeTitle, IReadOnlyList<string> files, CancellationToken cancellationToken)
    {
        var client = new DicomClient(new DicomClientOptions { Host = host, Port = port, CallingAeTitle = callingAeTitle, CalledAeTitle = calledAeTitle });
        var results = await client.StoreAsync(files.Select(StoreItem.FromFile), cancellationToken).ConfigureAwait(false);
        var failed = results.Where(r => !r.IsStored).ToList();
        if (failed.Count > 0)
        {
            throw new DeliveryFailedException($"C-STORE to {calledAeTitle}@{host}:{port}: {failed.Count} of {results.Count} instance(s) not stored; first: {failed[0]}");
        }
    }
}
