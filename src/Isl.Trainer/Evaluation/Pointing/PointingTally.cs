namespace Isl.Trainer.Evaluation.Pointing;

/// <summary>Pointing-game hits of one group of lesion-bearing samples.</summary>
/// <param name="Group">"all", a lesion type or a size class.</param>
/// <param name="Scans">Lesion-bearing scans: is the maximum of all the scan's heatmaps inside a lesion?</param>
/// <param name="ScanHits">How many of them hit.</param>
/// <param name="Slices">Lesion-bearing slices: is the slice's own heatmap maximum inside a lesion?</param>
/// <param name="SliceHits">How many of them hit.</param>
public sealed record PointingTally(string Group, int Scans, int ScanHits, int Slices, int SliceHits)
{
    /// <summary>Scan hit rate, or null without scans.</summary>
    public double? ScanRate => Scans > 0 ? (double)ScanHits / Scans : null;

    /// <summary>Slice hit rate, or null without slices.</summary>
    public double? SliceRate => Slices > 0 ? (double)SliceHits / Slices : null;
}
