namespace Isl.Reports;

/// <summary>
/// A planar region on the highest-scoring slice, encoded as an SR SCOORD (TID 1410 "Image Region"):
/// a closed POLYLINE (a box or a polygon) or a CIRCLE.
/// </summary>
public sealed class ImageRegion
{
    private ImageRegion(string graphicType, IReadOnlyList<PixelPoint> points)
    {
        GraphicType = graphicType;
        Points = points;
    }

    /// <summary>The DICOM Graphic Type: "POLYLINE" (closed) or "CIRCLE".</summary>
    public string GraphicType { get; }

    /// <summary>The points as encoded: a closed ring (first = last) for POLYLINE; centre, then a perimeter point for CIRCLE.</summary>
    public IReadOnlyList<PixelPoint> Points { get; }

    /// <summary>The box covering pixels [<paramref name="firstColumn"/>..<paramref name="lastColumn"/>] × [<paramref name="firstRow"/>..<paramref name="lastRow"/>] (inclusive pixel indices).</summary>
    /// <exception cref="TriageReportException">The box is empty or negative.</exception>
    public static ImageRegion BoundingBox(int firstColumn, int firstRow, int lastColumn, int lastRow)
    {
        if (firstColumn < 0 || firstRow < 0 || lastColumn < firstColumn || lastRow < firstRow)
        {
            throw new TriageReportException($"Invalid bounding box: columns {firstColumn}..{lastColumn}, rows {firstRow}..{lastRow}.");
        }

        double left = firstColumn, top = firstRow, right = lastColumn + 1, bottom = lastRow + 1;
        return new ImageRegion("POLYLINE", [new(left, top), new(right, top), new(right, bottom), new(left, bottom), new(left, top)]);
    }

    /// <summary>A polygon through <paramref name="vertices"/> (at least 3), closed automatically.</summary>
    /// <exception cref="TriageReportException">Fewer than 3 distinct vertices, or a non-finite or negative coordinate.</exception>
    public static ImageRegion Polygon(IEnumerable<PixelPoint> vertices)
    {
        ArgumentNullException.ThrowIfNull(vertices);
        var ring = vertices.ToList();
        if (ring.Count > 1 && ring[0] == ring[^1])
        {
            ring.RemoveAt(ring.Count - 1);
        }

        if (ring.Count < 3)
        {
            throw new TriageReportException($"A polygon region needs at least 3 vertices, got {ring.Count}.");
        }

        ring.ForEach(Validate);
        ring.Add(ring[0]);
        return new ImageRegion("POLYLINE", ring);
    }

    /// <summary>A circle around <paramref name="centre"/> with <paramref name="radius"/> pixels.</summary>
    /// <exception cref="TriageReportException">A non-finite or negative coordinate, or a radius that is not positive.</exception>
    public static ImageRegion Circle(PixelPoint centre, double radius)
    {
        Validate(centre);
        if (!(radius > 0) || double.IsInfinity(radius))
        {
            throw new TriageReportException($"A circle region needs a positive radius, got {radius}.");
        }

        return new ImageRegion("CIRCLE", [centre, new(centre.Column + radius, centre.Row)]);
    }

    /// <summary>
    /// The bounding box, in the image's pixel grid, of the hot spot around the heatmap's maximum: the
    /// 4-connected pixels at or above <paramref name="fraction"/> of the maximum. Null when the map has no
    /// positive value. The heatmap may be smaller or larger than the image; the box is scaled.
    /// </summary>
    /// <exception cref="TriageReportException">The sizes do not match the heatmap's length.</exception>
    public static ImageRegion? FromHeatmap(ReadOnlySpan<float> heatmap, int heatmapColumns, int heatmapRows, int imageColumns, int imageRows, double fraction = 0.5)
    {
        if (heatmapColumns <= 0 || heatmapRows <= 0 || heatmap.Length != heatmapColumns * heatmapRows || imageColumns <= 0 || imageRows <= 0)
        {
            throw new TriageReportException($"Heatmap of {heatmap.Length} values does not match {heatmapColumns}×{heatmapRows}, or the image size {imageColumns}×{imageRows} is invalid.");
        }

        var peak = 0;
        for (var i = 1; i < heatmap.Length; i++)
        {
            if (heatmap[i] > heatmap[peak])
            {
                peak = i;
            }
        }

        if (!(heatmap[peak] > 0))
        {
            return null;
        }

        var (minX, minY, maxX, maxY) = HotSpotBounds(heatmap, heatmapColumns, heatmapRows, peak, heatmap[peak] * fraction);
        var sx = (double)imageColumns / heatmapColumns;
        var sy = (double)imageRows / heatmapRows;
        var left = (int)Math.Floor(minX * sx);
        var top = (int)Math.Floor(minY * sy);
        var right = Math.Min(imageColumns - 1, (int)Math.Ceiling((maxX + 1) * sx) - 1);
        var bottom = Math.Min(imageRows - 1, (int)Math.Ceiling((maxY + 1) * sy) - 1);
        return BoundingBox(left, top, Math.Max(left, right), Math.Max(top, bottom));
    }

    private static (int MinX, int MinY, int MaxX, int MaxY) HotSpotBounds(ReadOnlySpan<float> heatmap, int columns, int rows, int peak, double level)
    {
        var visited = new bool[heatmap.Length];
        var stack = new Stack<int>();
        stack.Push(peak);
        visited[peak] = true;
        int minX = columns, minY = rows, maxX = 0, maxY = 0;
        while (stack.Count > 0)
        {
            var index = stack.Pop();
            int x = index % columns, y = index / columns;
            (minX, maxX, minY, maxY) = (Math.Min(minX, x), Math.Max(maxX, x), Math.Min(minY, y), Math.Max(maxY, y));
            foreach (var (nx, ny) in (ReadOnlySpan<(int, int)>)[(x - 1, y), (x + 1, y), (x, y - 1), (x, y + 1)])
            {
                var next = (ny * columns) + nx;
                if (nx >= 0 && ny >= 0 && nx < columns && ny < rows && !visited[next] && heatmap[next] >= level)
                {
                    visited[next] = true;
                    stack.Push(next);
                }
            }
        }

        return (minX, minY, maxX, maxY);
    }

    private static void Validate(PixelPoint point)
    {
        if (!double.IsFinite(point.Column) || !double.IsFinite(point.Row) || point.Column < 0 || point.Row < 0)
        {
            throw new TriageReportException($"Region point ({point.Column}, {point.Row}) is not a valid pixel coordinate.");
        }
    }
}
