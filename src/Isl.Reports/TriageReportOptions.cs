namespace Isl.Reports;

/// <summary>Presentation settings of the triage outputs (series numbers and descriptions).</summary>
public sealed record TriageReportOptions
{
    /// <summary>Series Number of the SR series.</summary>
    public int SrSeriesNumber { get; init; } = 9901;

    /// <summary>Series Number of the heatmap Secondary Capture series.</summary>
    public int HeatmapSeriesNumber { get; init; } = 9902;

    /// <summary>Series Description of the SR series.</summary>
    public string SrSeriesDescription { get; init; } = "AI triage report (ISL)";

    /// <summary>Series Description of the heatmap series.</summary>
    public string HeatmapSeriesDescription { get; init; } = "AI triage heatmap - NOT FOR DIAGNOSTIC USE";

    /// <summary>The SR measurement group's human-readable Tracking Identifier.</summary>
    public string TrackingIdentifier { get; init; } = "AI triage: most suspicious region";
}
