using Isl.Dicom.Network.Client;
using Isl.Dicom.Network.Dimse;
using Isl.Dicom.Network.Pdus;
using Isl.Dicom.Network.Tests.TestData;

namespace Isl.Dicom.Network.Tests.Integration;

/// <summary>C-STOREs of arbitrary data set bytes (no file, no checks) over one association to the test SCP, in Explicit VR Little Endian.</summary>
internal sealed class RawStore : IAsyncDisposable
{
    private const byte CtContext = 1;
    private readonly ScuAssociation _association;

    private RawStore(ScuAssociation association) => _association = association;

    public static async Task<RawStore> OpenAsync(int port, TimeSpan? responseTimeout = null)
    {
        var options = new DicomClientOptions
        {
            Host = "127.0.0.1",
            Port = port,
            CalledAeTitle = "ISL-TEST",
            CallingAeTitle = "STORESCU",
            ResponseTimeout = responseTimeout ?? TimeSpan.FromSeconds(20),
            RetryPolicy = DicomRetryPolicy.None,
        };
        var contexts = new[] { new PresentationContextProposal(CtContext, BadDatasets.CtImageStorage, [DicomTransferSyntax.ExplicitVRLittleEndian.Uid]) };
        var association = await ScuAssociation.OpenAsync(options, contexts, CancellationToken.None);
        Assert.Contains(association.Accept.PresentationContexts, c => c.Id == CtContext && c.IsAccepted);
        return new RawStore(association);
    }

    /// <summary>Sends the bytes as the data set of a C-STORE announcing <paramref name="sopInstanceUid"/>; returns the response.</summary>
    public async Task<CStoreResponse> StoreAsync(string sopInstanceUid, byte[] dataset, string sopClassUid = BadDatasets.CtImageStorage)
    {
        var request = new CStoreRequest { MessageId = _association.NextMessageId(), SopClassUid = sopClassUid, SopInstanceUid = sopInstanceUid };
        using var stream = new MemoryStream(dataset, writable: false);
        return (CStoreResponse)await _association.RequestAsync(CtContext, request, stream, dataset.Length, CancellationToken.None);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await _association.ReleaseAsync(CancellationToken.None);
        }
        catch (Exception ex) when (ex is DicomNetworkException or IOException or TimeoutException)
        {
        }

        await _association.DisposeAsync();
    }
}
