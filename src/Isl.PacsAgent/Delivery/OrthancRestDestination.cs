using Isl.PacsAgent.Orthanc;
using Refit;

namespace Isl.PacsAgent.Delivery;

/// <summary>Delivers result files to Orthanc by <c>POST /instances</c> and writes the triage flag as study metadata.</summary>
/// <param name="name">The destination's name.</param>
/// <param name="api">The Orthanc REST client.</param>
/// <param name="metadataName">The user metadata name (declared in Orthanc's <c>UserMetadata</c>), or null to skip the flag.</param>
public sealed class OrthancRestDestination(string name, IOrthancApi api, string? metadataName) : IResultDestination
{
    /// <inheritdoc />
    public string Name => name;

    /// <inheritdoc />
    public async Task DeliverAsync(DeliveryPackage package, CancellationToken cancellationToken)
    {
        try
        {
            foreach (var file in package.Files)
            {
                var stream = File.OpenRead(file);
                await using (stream.ConfigureAwait(false))
                {
                    await api.UploadInstanceAsync(stream, cancellationToken).ConfigureAwait(false);
                }
            }

            if (metadataName is null)
            {
                return;
            }

            var matches = await api.LookupAsync(package.Study.StudyInstanceUid, cancellationToken).ConfigureAwait(false);
            var study = matches.FirstOrDefault(m => m.Type.Equals("Study", StringComparison.OrdinalIgnoreCase))
                ?? throw new DeliveryFailedException($"Orthanc has no study {package.Study.StudyInstanceUid} to flag (yet).");
            await api.PutStudyMetadataAsync(study.ID, metadataName, TriageMetadata.Format(package), cancellationToken).ConfigureAwait(false);
        }
        catch (ApiException ex)
        {
            throw new DeliveryFailedException($"Orthanc answered {(int)ex.StatusCode} {ex.ReasonPhrase} to {ex.HttpMethod} {ex.Uri?.AbsolutePath}: {ex.Content}", ex);
        }
        catch (Exception ex) when (ex is HttpRequestException or ApiRequestException)
        {
            throw new DeliveryFailedException($"Orthanc is unreachable: {ex.Message}", ex);
        }
    }
}
