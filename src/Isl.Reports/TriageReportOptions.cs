namespace Isl.Reports;

/// <summary>Presentation settings of the triage outputs (series numbers and descriptions).</summary>
public sealed record TriageReportOptions
{
    /// <summary>Series Number of the SR series.</summary>
    public int SrSeriesNumber { get; init; } = 9901;

    /// <summary>Series Number of the heatmap Secondary Capture series.</summary>
    public int HeatmapSeriesNumber { get; init; } = 9902;

    /// <summary>How the SR's Series Description starts; the verdict, the scan score and the model follow (e.g. "AI triage: ABNORMAL 1.32 (ISL head-ct-demo)").</summary>
    public string SrSeriesPrefix { get; init; } = "AI triage";

    /// <summary>How the heatmap series' Series Description starts; the verdict, the scan score and the model follow.</summary>
    public string HeatmapSeriesPrefix { get; init; } = "AI heatmap";

    /// <summary>The SR measurement group's human-readable Tracking Identifier of a flagged study.</summary>
    public string TrackingIdentifier { get; init; } = "AI triage: most suspicious region";

    /// <summary>The Tracking Identifier of a study below the threshold (its region marks the highest-scoring slice).</summary>
    public string NormalTrackingIdentifier { get; init; } = "AI triage: no anomaly detected";

    /// <summary>Whether the heatmap series starts with a summary image (the most suspicious slices and the score curve).</summary>
    public bool HeatmapSummary { get; init; } = true;

    /// <summary>How many of the most suspicious slices the summary image shows side by side.</summary>
    public int SummarySlices { get; init; } = 3;

    /// <summary>
    /// The Series Description of a result's series: "<paramref name="prefix"/>: VERDICT SCORE (ISL MODEL)", 64 characters at
    /// most, so that the flag shows in any viewer's series list.
    /// </summary>
    public static string SeriesDescription(string prefix, TriageResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var verdict = result.Flag switch
        {
            TriageFlag.Abnormal => "ABNORMAL",
            TriageFlag.Normal => "normal",
            _ => "NOT ANALYSED",
        };
        var score = result.ScanScore is { } s ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $" {s:0.00}") : "";
        // "(ISL head-ct-ich)", not "(ISL isl-head-ct-ich)": the series list has little room.
        var model = result.Algorithm.ModelId;
        model = model.StartsWith("isl-", StringComparison.OrdinalIgnoreCase) ? model[4..] : model;
        return CommonModules.Ascii($"{prefix}: {verdict}{score} (ISL {model})", 64);
    }
}
