using Isl.Model.Heatmaps;
using Isl.Trainer.Data;

namespace Isl.Trainer.Evaluation.Pointing;

/// <summary>
/// One lesion slice of the pointing game: where its heatmap maximum fell, and how strong the heatmap was on the lesion
/// itself, so a miss says how far it was from a hit (written to <c>pointing.csv</c>).
/// </summary>
/// <param name="Id">The slice's id (its path under the data folder).</param>
/// <param name="Scan">Its scan.</param>
/// <param name="Hit">Whether the maximum lies inside the lesion.</param>
/// <param name="PeakRow">The maximum's row at heatmap size.</param>
/// <param name="PeakColumn">Its column.</param>
/// <param name="PeakStrength">The strength there (the z-score in calibrated mode).</param>
/// <param name="LesionStrength">The largest strength over heatmap pixels that cover the lesion where the heatmap may show colour; null when none does (or no strength map was kept).</param>
/// <param name="LesionPixels">How many heatmap pixels cover the lesion where the heatmap may show colour.</param>
public sealed record PointingSlice(string Id, string Scan, bool Hit, int PeakRow, int PeakColumn, double PeakStrength, double? LesionStrength, int LesionPixels)
{
    /// <summary>
    /// The row of lesion slice <paramref name="entry"/>: its <paramref name="peak"/> against its lesion
    /// <paramref name="mask"/> (rows×columns, 0 = no lesion), and with its <paramref name="strength"/> map
    /// (<see cref="Isl.Model.Scoring.ScanResult.HeatmapStrengths"/>, or null) the strongest value on the lesion.
    /// </summary>
    public static PointingSlice Of(SliceEntry entry, HeatmapPeak peak, float[]? strength, byte[] mask, int rows, int columns)
    {
        double? best = null;
        var pixels = 0;
        // Heatmap pixels that the peak rule would count as a hit, where the heatmap may show colour (HeatmapPeak.InsideArea).
        for (var i = 0; strength is not null && i < strength.Length; i++)
        {
            if (!float.IsNegativeInfinity(strength[i]) && new HeatmapPeak(0, i / peak.Size, i % peak.Size, peak.Size).Hits(mask, rows, columns))
            {
                pixels++;
                best = Math.Max(best ?? double.NegativeInfinity, strength[i]);
            }
        }

        return new PointingSlice(entry.Id, entry.Scan, peak.Hits(mask, rows, columns), peak.Row, peak.Column, peak.Strength, best, pixels);
    }
}
