namespace Isl.Reports;

/// <summary>The triage outcome of one study.</summary>
public enum TriageFlag
{
    /// <summary>The scan score is below the threshold.</summary>
    Normal,

    /// <summary>The scan score is at or above the threshold: read this study first.</summary>
    Abnormal,

    /// <summary>The study was not scored (no eligible series, unreadable pixels, ...); the reason says why.</summary>
    NotAnalysed,
}
