namespace Isl.Trainer.Cli.Training;

/// <summary>Which per-slice figure is evaluated.</summary>
internal enum ScoreKind
{
    /// <summary>The DRN distance ‖h − c‖ (the method).</summary>
    Drn,

    /// <summary>The D-score baseline: pixel sum of the difference image (ablation).</summary>
    DScore,

    /// <summary>The heatmap's APDS.</summary>
    Apds,
}
