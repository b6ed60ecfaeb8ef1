using Isl.Model.Drn;
using Isl.Trainer.Data;

namespace Isl.Trainer.Evaluation;

/// <summary>What to evaluate and how: the scored slices, their label layout, the threshold and the bootstrap.</summary>
public sealed record EvaluationRequest
{
    /// <summary>The scored slices (unlabelled ones are ignored).</summary>
    public required IReadOnlyList<ScoredSlice> Slices { get; init; }

    /// <summary>The label columns of the slices' labels.</summary>
    public required IReadOnlyList<string> LabelNames { get; init; }

    /// <summary>True when every slice has its own label.</summary>
    public bool SliceLevelLabels { get; init; } = true;

    /// <summary>Scan pooling.</summary>
    public ScanPooling Pooling { get; init; } = ScanPooling.Mean;

    /// <summary>The threshold for sensitivity and specificity, if known.</summary>
    public double? Threshold { get; init; }

    /// <summary>Where <see cref="Threshold"/> came from.</summary>
    public string? ThresholdSource { get; init; }

    /// <summary>The bootstrap seed.</summary>
    public int Seed { get; init; }

    /// <summary>Bootstrap subsamples.</summary>
    public int Iterations { get; init; } = AurocBootstrap.PaperIterations;

    /// <summary>Bootstrap subsample share.</summary>
    public double SampleFraction { get; init; } = AurocBootstrap.PaperSampleFraction;

    /// <summary>What was scored, for the report.</summary>
    public IReadOnlyDictionary<string, string> Context { get; init; } = new Dictionary<string, string>();

    /// <summary>Inputs skipped on the way.</summary>
    public IReadOnlyList<InputProblem> Rejected { get; init; } = [];

    /// <summary>Computes the metrics.</summary>
    public EvaluationMetrics Evaluate()
    {
        var groups = Evaluator.Evaluate(Slices, LabelNames, SliceLevelLabels, Pooling, Threshold, Seed, Iterations, SampleFraction);
        var headline = groups[0].ScanLevel.Auroc;
        return new EvaluationMetrics
        {
            Auroc = headline?.Estimate,
            AurocCi95 = headline is null ? null : [headline.Lower, headline.Upper],
            Threshold = Threshold,
            ThresholdSource = ThresholdSource,
            ScanPooling = Pooling.Name,
            LabelLevel = SliceLevelLabels ? "slice" : "scan",
            Seed = Seed,
            Groups = groups,
            Context = Context,
            Rejected = Rejected,
        };
    }
}
