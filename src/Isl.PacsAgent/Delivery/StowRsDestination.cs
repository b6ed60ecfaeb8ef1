using Isl.PacsAgent.DicomWeb;

namespace Isl.PacsAgent.Delivery;

/// <summary>Delivers result files to a DICOMweb service by STOW-RS.</summary>
public sealed class StowRsDestination(string name, HttpClient http) : IResultDestination
{
    private readonly DicomWebClient client = new(http);

    /// <inheritdoc />
    public string Name => name;

    /// <inheritdoc />
    public async Task DeliverAsync(DeliveryPackage package, CancellationToken cancellationToken)
    {
        if (package.Files.Count == 0)
        {
            return;
        }

        try
        {
            await client.StoreAsync(package.Files, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException ex)
        {
            throw new DeliveryFailedException($"STOW-RS to {http.BaseAddress} failed: {ex.Message}", ex);
        }
    }
}
