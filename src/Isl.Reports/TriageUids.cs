using System.Security.Cryptography;
using System.Text;
using Isl.Dicom;

namespace Isl.Reports;

/// <summary>
/// The UIDs of everything built from one triage result, derived from (study, model, model version,
/// input hash) so that a retry of the same inputs overwrites instead of duplicating, and a new model
/// version or new inputs make new objects.
/// </summary>
public sealed class TriageUids
{
    private const string Namespace = "isl-triage";
    private readonly string[] _basis;

    /// <summary>Derives the UIDs of <paramref name="result"/>.</summary>
    public TriageUids(TriageResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        InputHash = result.InputHash ?? HashOf(result.ReferencedImages);
        _basis = [Namespace, result.StudyInstanceUid, result.Algorithm.ModelId, result.Algorithm.ModelVersion, InputHash];
        SrSeriesInstanceUid = Derive("sr-series");
        SrSopInstanceUid = Derive("sr-instance");
        TrackingUid = Derive("tracking");
        HeatmapSeriesInstanceUid = Derive("heatmap-series");
        HeatmapSummarySopInstanceUid = Derive("heatmap-summary");
    }

    /// <summary>The input digest the UIDs are derived from (given, or SHA-256 of the sorted referenced SOP Instance UIDs).</summary>
    public string InputHash { get; }

    /// <summary>The SR's Series Instance UID.</summary>
    public string SrSeriesInstanceUid { get; }

    /// <summary>The SR's SOP Instance UID.</summary>
    public string SrSopInstanceUid { get; }

    /// <summary>The Tracking Unique Identifier of the SR's measurement group.</summary>
    public string TrackingUid { get; }

    /// <summary>The heatmap Secondary Capture series' Series Instance UID.</summary>
    public string HeatmapSeriesInstanceUid { get; }

    /// <summary>The SOP Instance UID of the heatmap series' summary image (instance 1).</summary>
    public string HeatmapSummarySopInstanceUid { get; }

    /// <summary>The SOP Instance UID of the heatmap image made from the source slice <paramref name="sourceSopInstanceUid"/>.</summary>
    public string HeatmapSopInstanceUid(string sourceSopInstanceUid) => Derive("heatmap-instance", sourceSopInstanceUid);

    /// <summary>SHA-256 (hex) of the sorted SOP Instance UIDs: the default input hash.</summary>
    public static string HashOf(IEnumerable<SourceImage> images)
    {
        ArgumentNullException.ThrowIfNull(images);
        var joined = string.Join('\n', images.Select(i => i.SopInstanceUid).Order(StringComparer.Ordinal));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(joined)));
    }

    private string Derive(params string[] role) => DicomUid.FromName([.. _basis, .. role]);
}
