namespace Isl.PacsAgent.Delivery;

/// <summary>Sends Part 10 files to a DICOM AE by C-STORE (the seam to Isl.Dicom.Network's SCU).</summary>
public interface ICStoreSender
{
    /// <summary>Sends every file over one association; throws unless every instance is stored.</summary>
    Task SendAsync(string host, int port, string callingAeTitle, string calledAeTitle, IReadOnlyList<string> files, CancellationToken cancellationToken);
}
