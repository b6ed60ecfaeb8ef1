using System.Globalization;
using Isl.Dicom;

namespace Isl.Reports;

/// <summary>Builds the SR and (for scored studies with heatmaps) the heatmap series, and writes them as Part 10 files.</summary>
public static class TriageOutputFiles
{
    /// <summary>
    /// Writes <c>sr-{SOP UID}.dcm</c> and <c>sc-{NNN}-{SOP UID}.dcm</c> (Explicit VR Little Endian) into
    /// <paramref name="directory"/> (created if needed) and returns their paths, SR first.
    /// </summary>
    /// <param name="directory">The output folder.</param>
    /// <param name="result">The triage result.</param>
    /// <param name="studySource">A dataset of the study (patient/study attributes are copied from it).</param>
    /// <param name="heatmaps">Slices to make heatmap images of; none for a study that was not analysed.</param>
    /// <param name="predecessor">An earlier triage SR that the new one supersedes.</param>
    /// <param name="options">Series numbers and descriptions.</param>
    /// <param name="render">How the heatmap images look.</param>
    /// <exception cref="TriageReportException">The inputs cannot make valid objects (nothing is written then).</exception>
    public static IReadOnlyList<string> Write(string directory, TriageResult result, DicomDataset studySource, IReadOnlyList<HeatmapSlice>? heatmaps = null,
        PredecessorReport? predecessor = null, TriageReportOptions? options = null, HeatmapRenderOptions? render = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        var sr = new TriageSrBuilder(options).Build(result, studySource, predecessor);
        var images = heatmaps is { Count: > 0 } ? new HeatmapSecondaryCaptureBuilder(options, render).Build(result, heatmaps, studySource) : [];

        Directory.CreateDirectory(directory);
        var paths = new List<string> { Save(sr, Path.Combine(directory, $"sr-{sr.GetString(DicomTags.SOPInstanceUID)}.dcm")) };
        for (var i = 0; i < images.Count; i++)
        {
            var name = string.Create(CultureInfo.InvariantCulture, $"sc-{i + 1:000}-{images[i].GetString(DicomTags.SOPInstanceUID)}.dcm");
            paths.Add(Save(images[i], Path.Combine(directory, name)));
        }

        return paths;
    }

    private static string Save(DicomDataset dataset, string path)
    {
        new DicomFile(dataset, DicomTransferSyntax.ExplicitVRLittleEndian).Save(path);
        return path;
    }
}
