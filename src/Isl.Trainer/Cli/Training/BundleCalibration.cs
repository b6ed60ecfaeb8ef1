using System.Globalization;
using Isl.Model.Bundles;
using Isl.Trainer.Evaluation;

namespace Isl.Trainer.Cli.Training;

/// <summary>Writes a calibrated threshold into a bundle's manifest.</summary>
internal static class BundleCalibration
{
    /// <summary>Stores <paramref name="choice"/> as the bundle's scan threshold (and slice threshold when chosen on slices).</summary>
    public static void Write(string bundle, ThresholdChoice choice, string level, bool oneSlicePerScan)
    {
        var method = string.Create(CultureInfo.InvariantCulture, $"{choice.Rule} on {level} scores (sensitivity {choice.Counts.Sensitivity:0.###}, specificity {choice.Counts.Specificity:0.###}, {choice.Counts.TruePositives + choice.Counts.FalseNegatives} disorder / {choice.Counts.TrueNegatives + choice.Counts.FalsePositives} normal)");
        ModelBundle.UpdateManifest(bundle, m => m with
        {
            Thresholds = new BundleThresholds
            {
                Scan = level == "scan" || oneSlicePerScan ? choice.Threshold : m.Thresholds.Scan,
                Slice = level == "slice" || oneSlicePerScan ? choice.Threshold : m.Thresholds.Slice,
                Method = method,
            },
        });
    }
}
