using System.Globalization;
using Isl.Model.Bundles;
using Isl.Model.Drn;
using Isl.Model.Scoring;
using Isl.Trainer.Evaluation;

namespace Isl.Trainer.Cli.Training;

/// <summary>Writes a calibrated threshold into a bundle's manifest.</summary>
internal static class BundleCalibration
{
    /// <summary>
    /// Stores <paramref name="choice"/> as the bundle's scan threshold (and slice threshold when chosen on slices),
    /// with the slice score kind and scan pooling it was chosen for, since a threshold means nothing for another score.
    /// </summary>
    public static void Write(string bundle, ThresholdChoice choice, string level, bool oneSlicePerScan, SliceScoreKind kind, ScanPooling pooling)
    {
        var method = string.Create(CultureInfo.InvariantCulture, $"{choice.Rule} on {level} {kind} scores, {pooling.Name} pooling (sensitivity {choice.Counts.Sensitivity:0.###}, specificity {choice.Counts.Specificity:0.###}, {choice.Counts.TruePositives + choice.Counts.FalseNegatives} disorder / {choice.Counts.TrueNegatives + choice.Counts.FalsePositives} normal)");
        ModelBundle.UpdateManifest(bundle, m => m with
        {
            SliceScore = kind,
            ScanPooling = pooling,
            Thresholds = new BundleThresholds
            {
                Scan = level == "scan" || oneSlicePerScan ? choice.Threshold : m.Thresholds.Scan,
                Slice = level == "slice" || oneSlicePerScan ? choice.Threshold : m.Thresholds.Slice,
                Method = method,
            },
        });
    }
}
