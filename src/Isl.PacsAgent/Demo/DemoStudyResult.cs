namespace Isl.PacsAgent.Demo;

/// <summary>One demo study after the agent scored it.</summary>
/// <param name="Label">What the study is (normal, abnormal).</param>
/// <param name="StudyInstanceUid">The study's UID.</param>
/// <param name="Slices">Images sent.</param>
/// <param name="Score">The scan anomaly score.</param>
/// <param name="Threshold">The bundle's decision threshold.</param>
/// <param name="Flag">NORMAL or ABNORMAL.</param>
/// <param name="ScoringSeconds">How long the model took.</param>
/// <param name="TotalSeconds">From the first C-STORE until the results were written.</param>
/// <param name="ResultFiles">The SR and heatmap SC files the agent wrote.</param>
/// <param name="MontagePath">The PNG montage of the heatmaps, when the study has any.</param>
public sealed record DemoStudyResult(
    string Label,
    string StudyInstanceUid,
    int Slices,
    double Score,
    double Threshold,
    string Flag,
    double ScoringSeconds,
    double TotalSeconds,
    IReadOnlyList<string> ResultFiles,
    string? MontagePath);
