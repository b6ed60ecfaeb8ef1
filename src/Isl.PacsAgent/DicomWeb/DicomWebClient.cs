using System.Net;
using System.Text.Json;

namespace Isl.PacsAgent.DicomWeb;

/// <summary>A DICOMweb client for what the agent needs: WADO-RS study retrieval, STOW-RS, QIDO-RS series search.</summary>
/// <param name="http">A client whose <see cref="HttpClient.BaseAddress"/> is the DICOMweb root (ending in '/') and that carries any authentication.</param>
public sealed class DicomWebClient(HttpClient http)
{
    /// <summary>The Accept header of a WADO-RS retrieve in Explicit VR Little Endian (servers transcode on request).</summary>
    public const string ExplicitLittleEndianAccept = "multipart/related; type=\"application/dicom\"; transfer-syntax=1.2.840.10008.1.2.1";

    /// <summary>Retrieves every instance of a study as Part 10 bytes, one at a time.</summary>
    public async IAsyncEnumerable<byte[]> RetrieveStudyAsync(string studyInstanceUid, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"studies/{Uri.EscapeDataString(studyInstanceUid)}");
        request.Headers.TryAddWithoutValidation("Accept", ExplicitLittleEndianAccept);
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        await EnsureSuccessAsync(response, $"WADO-RS retrieve of study {studyInstanceUid}", cancellationToken).ConfigureAwait(false);
        var contentType = response.Content.Headers.TryGetValues("Content-Type", out var values) ? string.Join(", ", values) : "";
        var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        var reader = MultipartRelatedReader.Create(body, contentType);
        await foreach (var part in reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
        {
            var partType = part.ContentType is { } t ? MediaType.Parse(t).Type : "application/dicom";
            if (partType != "application/dicom")
            {
                throw new DicomWebException($"WADO-RS returned a part of type '{part.ContentType}', expected application/dicom.");
            }

            yield return part.Content;
        }
    }

    /// <summary>Stores Part 10 files by STOW-RS; throws <see cref="DicomWebException"/> unless every instance is stored.</summary>
    public async Task StoreAsync(IReadOnlyList<string> files, CancellationToken cancellationToken = default)
    {
        using var content = new MultipartRelatedContent(files);
        using var request = new HttpRequestMessage(HttpMethod.Post, "studies") { Content = content };
        request.Headers.TryAddWithoutValidation("Accept", "application/dicom+json");
        using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        await EnsureSuccessAsync(response, $"STOW-RS of {files.Count} instance(s)", cancellationToken).ConfigureAwait(false);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            throw new DicomWebException($"STOW-RS answered {(int)response.StatusCode} {response.ReasonPhrase}: not every instance was stored. {Truncate(text)}");
        }

        var json = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        if (json.Length > 0 && HasFailedSops(json))
        {
            throw new DicomWebException($"STOW-RS reported failed instances (FailedSOPSequence): {Truncate(json)}");
        }
    }

    /// <summary>QIDO-RS: the series of a study as DICOM JSON objects.</summary>
    public async Task<IReadOnlyList<JsonElement>> SearchSeriesAsync(string studyInstanceUid, CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"studies/{Uri.EscapeDataString(studyInstanceUid)}/series");
        request.Headers.TryAddWithoutValidation("Accept", "application/dicom+json");
        using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.NoContent)
        {
            return [];
        }

        await EnsureSuccessAsync(response, $"QIDO-RS series search in study {studyInstanceUid}", cancellationToken).ConfigureAwait(false);
        var json = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        using var document = JsonDocument.Parse(json.Length == 0 ? "[]" : json);
        return document.RootElement.EnumerateArray().Select(e => e.Clone()).ToList();
    }

    private static bool HasFailedSops(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("00081198", out var failed)
                && failed.TryGetProperty("Value", out var items)
                && items.GetArrayLength() > 0;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static async Task EnsureSuccessAsync(HttpResponseMessage response, string what, CancellationToken cancellationToken)
    {
        if (!response.IsSuccessStatusCode)
        {
            var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            throw new DicomWebException($"{what} failed: {(int)response.StatusCode} {response.ReasonPhrase}. {Truncate(text)}");
        }
    }

    private static string Truncate(string text) => text.Length <= 300 ? text : text[..300] + "…";
}
