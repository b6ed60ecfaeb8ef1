namespace Isl.PacsAgent.Delivery;

/// <summary>The C-STORE sender used until the network SCU is wired in: every send fails with a clear reason.</summary>
public sealed class UnavailableCStoreSender : ICStoreSender
{
    /// <inheritdoc />
    public Task SendAsync(string host, int port, string callingAeTitle, string calledAeTitle, IReadOnlyList<string> files, CancellationToken cancellationToken) =>
        throw new DeliveryFailedException("C-STORE delivery is not available in this build (the DICOM SCU is not wired in); use a StowRs or OrthancRest destination.");
}
