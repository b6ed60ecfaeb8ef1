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
public sealed record PointingSlice(string Id, string Scan, bool Hit, int PeakRow, int PeakColumn, double PeakStrength, double? LesionStrength, int LesionPixels);
