using System.Text;
using System.Text.Json;

namespace Isl.PacsAgent.Tests.TestSupport;

/// <summary>What an Orthanc holds of a study, read over its REST API (series by SeriesInstanceUID with their instances).</summary>
public static class OrthancContents
{
    /// <summary>The study's series with their SOP Instance UIDs; empty when Orthanc does not hold the study.</summary>
    public static async Task<IReadOnlyList<OrthancSeriesCount>> SeriesAsync(HttpClient rest, string studyInstanceUid)
    {
        if (await StudyIdAsync(rest, studyInstanceUid) is not { } id)
        {
            return [];
        }

        var series = JsonDocument.Parse(await rest.GetStringAsync(new Uri($"studies/{id}/series", UriKind.Relative))).RootElement;
        var list = new List<OrthancSeriesCount>();
        foreach (var s in series.EnumerateArray())
        {
            var tags = s.GetProperty("MainDicomTags");
            var instances = JsonDocument.Parse(await rest.GetStringAsync(new Uri($"series/{s.GetProperty("ID").GetString()}/instances", UriKind.Relative))).RootElement;
            list.Add(new OrthancSeriesCount(
                tags.GetProperty("SeriesInstanceUID").GetString()!,
                tags.TryGetProperty("Modality", out var modality) ? modality.GetString()! : "",
                instances.EnumerateArray().Select(i => i.GetProperty("MainDicomTags").GetProperty("SOPInstanceUID").GetString()!).ToList()));
        }

        return list;
    }

    /// <summary>Orthanc's ID of the study, or null.</summary>
    public static async Task<string?> StudyIdAsync(HttpClient rest, string studyInstanceUid)
    {
        using var content = new StringContent(studyInstanceUid, Encoding.ASCII, "text/plain");
        using var response = await rest.PostAsync(new Uri("tools/lookup", UriKind.Relative), content);
        response.EnsureSuccessStatusCode();
        var matches = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        return matches.EnumerateArray().Where(m => m.GetProperty("Type").GetString() == "Study").Select(m => m.GetProperty("ID").GetString()).FirstOrDefault();
    }

    /// <summary>The study's user metadata value, or null when unset.</summary>
    public static async Task<string?> StudyMetadataAsync(HttpClient rest, string studyInstanceUid, string name)
    {
        var id = await StudyIdAsync(rest, studyInstanceUid);
        if (id is null)
        {
            return null;
        }

        using var response = await rest.GetAsync(new Uri($"studies/{id}/metadata/{name}", UriKind.Relative));
        return response.IsSuccessStatusCode ? await response.Content.ReadAsStringAsync() : null;
    }

    /// <summary>Whether Orthanc holds an instance with this SOP Instance UID.</summary>
    public static async Task<bool> HasInstanceAsync(HttpClient rest, string sopInstanceUid)
    {
        using var content = new StringContent(sopInstanceUid, Encoding.ASCII, "text/plain");
        using var response = await rest.PostAsync(new Uri("tools/lookup", UriKind.Relative), content);
        response.EnsureSuccessStatusCode();
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.EnumerateArray().Any(m => m.GetProperty("Type").GetString() == "Instance");
    }
}
