namespace Isl.Reports;

/// <summary>The pixels one heatmap image is made of: a scored CT slice in HU and its anomaly heatmap.</summary>
/// <param name="Image">The source slice (its rows and columns size the output image).</param>
/// <param name="Hounsfield">The slice in Hounsfield units, row by row, <c>Image.Rows × Image.Columns</c> values.</param>
/// <param name="Heatmap">The anomaly heatmap, row by row, values 0..1 (clamped); resized bilinearly to the slice.</param>
/// <param name="HeatmapColumns">The heatmap's width.</param>
/// <param name="HeatmapRows">The heatmap's height.</param>
public sealed record HeatmapSlice(SourceImage Image, float[] Hounsfield, float[] Heatmap, int HeatmapColumns, int HeatmapRows)
{
    /// <summary>The source slices the heatmap was computed from (a slab of thin slices); empty: <see cref="Image"/> alone.</summary>
    public IReadOnlyList<SourceImage> Sources { get; init; } = [];
}
