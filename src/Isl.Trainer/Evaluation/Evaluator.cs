using Isl.Model.Drn;

namespace Isl.Trainer.Evaluation;

/// <summary>Turns scored slices into slice- and scan-level figures, overall and per label group.</summary>
public static class Evaluator
{
    /// <summary>The group name of the overall figures.</summary>
    public const string AllDisorders = "all";

    /// <summary>Evaluates <paramref name="slices"/>; unlabelled slices are ignored.</summary>
    /// <param name="slices">The scored slices.</param>
    /// <param name="labelNames">The label columns the slices' labels follow.</param>
    /// <param name="sliceLevelLabels">True when every slice carries its own label; false when labels are per scan (slice-level figures are then omitted).</param>
    /// <param name="pooling">How slice scores become scan scores.</param>
    /// <param name="threshold">The decision threshold, if one is known.</param>
    /// <param name="seed">The bootstrap seed.</param>
    /// <param name="iterations">Bootstrap subsamples.</param>
    /// <param name="sampleFraction">Bootstrap subsample share.</param>
    public static IReadOnlyList<GroupMetrics> Evaluate(IReadOnlyList<ScoredSlice> slices, IReadOnlyList<string> labelNames, bool sliceLevelLabels, ScanPooling pooling, double? threshold, int seed, int iterations = AurocBootstrap.PaperIterations, double sampleFraction = AurocBootstrap.PaperSampleFraction)
    {
        var labelled = slices.Where(s => s.Entry.Labels is not null).ToArray();
        if (labelled.Length == 0)
        {
            throw new TrainerException("None of the scored slices has a label: evaluation needs a labels file.");
        }

        var scans = labelled.GroupBy(s => s.Entry.Scan, StringComparer.Ordinal)
            .Select(g => (Score: pooling.Pool(g.Select(s => s.Score)), Labels: MergeLabels(g.Select(s => s.Entry.Labels!), labelNames.Count)))
            .ToArray();
        var groups = new List<GroupMetrics>
        {
            Group(AllDisorders, _ => true, labelled, scans, sliceLevelLabels, threshold, seed, iterations, sampleFraction),
        };
        if (labelNames.Count > 1)
        {
            for (var c = 0; c < labelNames.Count; c++)
            {
                var column = c;
                groups.Add(Group(labelNames[c], labels => labels[column], labelled, scans, sliceLevelLabels, threshold, seed, iterations, sampleFraction));
            }
        }

        return groups;
    }

    private static GroupMetrics Group(string name, Func<IReadOnlyList<bool>, bool> carries, ScoredSlice[] slices, (double Score, bool[] Labels)[] scans, bool sliceLevel, double? threshold, int seed, int iterations, double fraction)
    {
        // A group compares the normals with the samples that carry its label; other disorders are left out.
        LevelMetrics? sliceMetrics = null;
        if (sliceLevel)
        {
            var kept = slices.Where(s => !s.Entry.IsDisorder || carries(s.Entry.Labels!)).ToArray();
            sliceMetrics = LevelMetrics.Of(new BinaryOutcomes(kept.Select(s => s.Score).ToArray(), kept.Select(s => s.Entry.IsDisorder).ToArray()), threshold, seed, iterations, fraction);
        }

        var keptScans = scans.Where(s => !s.Labels.Any(l => l) || (s.Labels.Any(l => l) && carries(s.Labels))).ToArray();
        var scanMetrics = LevelMetrics.Of(new BinaryOutcomes(keptScans.Select(s => s.Score).ToArray(), keptScans.Select(s => s.Labels.Any(l => l)).ToArray()), threshold, seed, iterations, fraction);
        return new GroupMetrics(name, sliceMetrics, scanMetrics);
    }

    private static bool[] MergeLabels(IEnumerable<IReadOnlyList<bool>> labels, int count)
    {
        var merged = new bool[count];
        foreach (var row in labels)
        {
            for (var c = 0; c < Math.Min(count, row.Count); c++)
            {
                merged[c] |= row[c];
            }
        }

        return merged;
    }
}
