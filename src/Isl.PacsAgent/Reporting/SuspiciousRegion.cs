using Isl.Model.Heatmaps;
using Isl.Model.Preprocessing;
using Isl.Reports;

namespace Isl.PacsAgent.Reporting;

/// <summary>
/// Where the SR's Image Region goes on the most suspicious scored slice: the hot spot around the heatmap's maximum inside
/// the slice's intracranial region (heat over air, bone or scalp does not count); when nothing intracranial is coloured,
/// a box around the strongest sub-threshold evidence if one is given (an abnormal study whose colour lies elsewhere), or
/// else a box at the centre of the intracranial region (a normal study), so that the SR always opens on brain.
/// </summary>
public static class SuspiciousRegion
{
    /// <summary>
    /// The region on a slice of <paramref name="columns"/> × <paramref name="rows"/> HU values with its heatmap (null:
    /// none) and, optionally, the heatmap's strongest evidence <paramref name="strongest"/>.
    /// </summary>
    public static ImageRegion Locate(float[] hounsfield, int columns, int rows, float[]? heatmap, int heatmapColumns, int heatmapRows, HeatmapPeak? strongest = null)
    {
        ArgumentNullException.ThrowIfNull(hounsfield);
        var mask = IntracranialMask.FromHu(hounsfield, rows, columns);
        if (heatmap is not null && heatmapColumns > 0 && heatmapRows > 0 && heatmap.Length == heatmapColumns * heatmapRows)
        {
            var inside = new float[heatmap.Length];
            for (var y = 0; y < heatmapRows; y++)
            {
                var py = Centre(y, heatmapRows, rows);
                for (var x = 0; x < heatmapColumns; x++)
                {
                    var px = Centre(x, heatmapColumns, columns);
                    var i = (y * heatmapColumns) + x;
                    inside[i] = mask[(py * columns) + px] > 0 && float.IsFinite(heatmap[i]) ? heatmap[i] : 0;
                }
            }

            if (ImageRegion.FromHeatmap(inside, heatmapColumns, heatmapRows, columns, rows) is { } hot)
            {
                return hot;
            }
        }

        if (strongest is { Size: > 0 } peak)
        {
            var px = Centre(peak.Column, peak.Size, columns);
            var py = Centre(peak.Row, peak.Size, rows);
            if (mask[(py * columns) + px] > 0)
            {
                return Box(px, py, columns, rows, Math.Max(1, Math.Min(columns, rows) / 16));
            }
        }

        return CentreBox(mask, columns, rows);
    }

    // The image pixel under the centre of heatmap pixel i of n, on an image axis of the given length.
    private static int Centre(int i, int n, int length) => Math.Min(length - 1, (int)((i + 0.5) * length / n));

    private static ImageRegion Box(int cx, int cy, int columns, int rows, int half)
        => ImageRegion.BoundingBox(Math.Max(0, cx - half), Math.Max(0, cy - half), Math.Min(columns - 1, cx + half), Math.Min(rows - 1, cy + half));

    private static ImageRegion CentreBox(float[] mask, int columns, int rows)
    {
        double sumX = 0, sumY = 0;
        long count = 0;
        for (var y = 0; y < rows; y++)
        {
            for (var x = 0; x < columns; x++)
            {
                if (mask[(y * columns) + x] > 0)
                {
                    (sumX, sumY, count) = (sumX + x, sumY + y, count + 1);
                }
            }
        }

        var (cx, cy) = count > 0 ? ((int)(sumX / count), (int)(sumY / count)) : (columns / 2, rows / 2);
        return Box(cx, cy, columns, rows, Math.Max(1, Math.Min(columns, rows) / 10));
    }
}
