namespace Isl.Trainer.Evaluation;

/// <summary>Everything <c>evaluate</c> measured; serialised as <c>metrics.json</c>.</summary>
public sealed record EvaluationMetrics
{
    /// <summary>The headline AUROC: scan level (equal to slice level when each scan is one slice).</summary>
    public double? Auroc { get; init; }

    /// <summary>The headline AUROC's bootstrap 95% interval as [lower, upper].</summary>
    public IReadOnlyList<double>? AurocCi95 { get; init; }

    /// <summary>The threshold the sensitivity and specificity are given at, if any.</summary>
    public double? Threshold { get; init; }

    /// <summary>Where the threshold came from (the bundle's calibration, or the command line).</summary>
    public string? ThresholdSource { get; init; }

    /// <summary>How slice scores were pooled into scan scores.</summary>
    public required string ScanPooling { get; init; }

    /// <summary>Whether the labels are per <c>slice</c> or per <c>scan</c>.</summary>
    public required string LabelLevel { get; init; }

    /// <summary>The bootstrap seed.</summary>
    public int Seed { get; init; }

    /// <summary>The overall figures (all disorders against all normals) and one entry per label column.</summary>
    public required IReadOnlyList<GroupMetrics> Groups { get; init; }

    /// <summary>What was scored (bundle, data folder, counts).</summary>
    public IReadOnlyDictionary<string, string> Context { get; init; } = new Dictionary<string, string>();

    /// <summary>Inputs skipped while preparing the data, with reasons.</summary>
    public IReadOnlyList<Data.InputProblem> Rejected { get; init; } = [];

    /// <summary>The pointing game (<c>evaluate --pointing</c>: phantom studies or image folders with masks); null when not played.</summary>
    public Pointing.PointingSummary? Pointing { get; init; }
}
