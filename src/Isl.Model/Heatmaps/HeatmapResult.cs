using static TorchSharp.torch;

namespace Isl.Model.Heatmaps;

/// <summary>Processed heatmaps [N, 1, S, S] in [0, 1] and the APDS of each slice (mean over its effective area).</summary>
/// <param name="Maps">The heatmaps.</param>
/// <param name="Apds">Average processed difference score per slice.</param>
public sealed record HeatmapResult(Tensor Maps, double[] Apds);
