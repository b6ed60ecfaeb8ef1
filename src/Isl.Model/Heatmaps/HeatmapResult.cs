using static TorchSharp.torch;

namespace Isl.Model.Heatmaps;

/// <summary>Processed heatmaps [N, 1, S, S] in [0, 1], their strength maps and the APDS of each slice (mean over its heatmap area).</summary>
/// <param name="Maps">The heatmaps as shown (zero where nothing is coloured).</param>
/// <param name="Strength">Where the evidence is strongest, also below the colour threshold: the maps themselves in the paper's mode, the z-score in calibrated mode.</param>
/// <param name="Apds">Average processed difference score per slice.</param>
public sealed record HeatmapResult(Tensor Maps, Tensor Strength, double[] Apds);
