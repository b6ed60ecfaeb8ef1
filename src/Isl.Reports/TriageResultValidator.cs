using Isl.Dicom;

namespace Isl.Reports;

/// <summary>Rejects a triage result that cannot make a valid report, with a message that says what is wrong.</summary>
internal static class TriageResultValidator
{
    public static void Validate(TriageResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        RequireUid(result.StudyInstanceUid, "StudyInstanceUid");
        RequireUid(result.Device.Uid, "Device.Uid");
        RequireText(result.Device.Name, "Device.Name");
        RequireText(result.Algorithm.Name, "Algorithm.Name");
        RequireText(result.Algorithm.Version, "Algorithm.Version");
        RequireText(result.Algorithm.ModelVersion, "Algorithm.ModelVersion");

        var images = result.ReferencedImages;
        if (images.Count == 0)
        {
            throw new TriageReportException($"Triage result of study {result.StudyInstanceUid} references no image: a report must be tied to its inputs.");
        }

        foreach (var image in images)
        {
            ValidateImage(result.StudyInstanceUid, image);
        }

        if (result.Flag == TriageFlag.NotAnalysed)
        {
            RequireText(result.NotAnalysedReason, "NotAnalysedReason");
            return;
        }

        var duplicate = result.Slices.GroupBy(s => s.Image.SopInstanceUid, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new TriageReportException($"Slice {duplicate.Key} is listed {duplicate.Count()} times among the scored slices.");
        }

        var both = result.NotScoredSlices.FirstOrDefault(n => result.Slices.Any(s => s.Image.SopInstanceUid == n.SopInstanceUid));
        if (both is not null)
        {
            throw new TriageReportException($"Slice {both.SopInstanceUid} is listed both as scored and as not scored.");
        }

        if (result.Slices.Count == 0)
        {
            throw new TriageReportException($"A {result.Flag} result of study {result.StudyInstanceUid} has no scored slice.");
        }

        RequireFinite(result.ScanScore, "ScanScore");
        RequireFinite(result.Threshold, "Threshold");
        foreach (var slice in result.Slices)
        {
            RequireFinite(slice.Score, $"score of slice {slice.Image.SopInstanceUid}");
        }

        if (result.Region is { } region && result.HighestScoringSlice is { } top)
        {
            var outside = region.Points.FirstOrDefault(p => p.Column > top.Image.Columns || p.Row > top.Image.Rows);
            if (region.GraphicType == "POLYLINE" && outside != default)
            {
                throw new TriageReportException($"Region point ({outside.Column}, {outside.Row}) lies outside the {top.Image.Columns}×{top.Image.Rows} slice {top.Image.SopInstanceUid}.");
            }
        }
    }

    private static void ValidateImage(string studyInstanceUid, SourceImage image)
    {
        RequireUid(image.SopInstanceUid, "SopInstanceUid");
        RequireUid(image.SopClassUid, $"SopClassUid of {image.SopInstanceUid}");
        RequireUid(image.SeriesInstanceUid, $"SeriesInstanceUid of {image.SopInstanceUid}");
        if (image.StudyInstanceUid != studyInstanceUid)
        {
            throw new TriageReportException($"Image {image.SopInstanceUid} belongs to study {image.StudyInstanceUid}, not to the triaged study {studyInstanceUid}.");
        }

        if (image.Rows <= 0 || image.Columns <= 0)
        {
            throw new TriageReportException($"Image {image.SopInstanceUid} has an invalid size {image.Columns}×{image.Rows}.");
        }
    }

    private static void RequireUid(string? uid, string name)
    {
        if (uid is null || !DicomUid.IsValid(uid))
        {
            throw new TriageReportException($"{name} '{uid}' is not a valid DICOM UID.");
        }
    }

    private static void RequireText(string? text, string name)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new TriageReportException($"{name} must not be empty.");
        }
    }

    private static void RequireFinite(double? value, string name)
    {
        if (value is not { } v || !double.IsFinite(v))
        {
            throw new TriageReportException($"The {name} must be a finite number, got {value?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none"}.");
        }
    }
}
