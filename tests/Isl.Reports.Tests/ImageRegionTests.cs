namespace Isl.Reports.Tests;

public class ImageRegionTests
{
    [Fact]
    public void BoundingBoxIsAClosedPolylineAroundThePixels()
    {
        var box = ImageRegion.BoundingBox(2, 3, 4, 5);

        Assert.Equal("POLYLINE", box.GraphicType);
        Assert.Equal([new(2, 3), new(5, 3), new(5, 6), new(2, 6), new PixelPoint(2, 3)], box.Points);
    }

    [Fact]
    public void PolygonIsClosedOnce()
    {
        var open = ImageRegion.Polygon([new(1, 1), new(5, 1), new(3, 4)]);
        var closed = ImageRegion.Polygon([new(1, 1), new(5, 1), new(3, 4), new(1, 1)]);

        Assert.Equal(4, open.Points.Count);
        Assert.Equal(open.Points, closed.Points);
    }

    [Fact]
    public void CircleIsCentreThenAPerimeterPoint()
    {
        var circle = ImageRegion.Circle(new(10, 20), 5);

        Assert.Equal("CIRCLE", circle.GraphicType);
        Assert.Equal([new(10, 20), new PixelPoint(15, 20)], circle.Points);
    }

    [Fact]
    public void FromHeatmapBoxesTheHotSpotAroundThePeakScaledToTheImage()
    {
        var heat = new float[8 * 8];
        heat[(2 * 8) + 5] = 1f;
        heat[(3 * 8) + 5] = 0.8f;
        heat[(7 * 8) + 0] = 0.9f; // a separate spot, not connected to the peak

        var region = ImageRegion.FromHeatmap(heat, 8, 8, 64, 64)!;

        Assert.Equal([new(40, 16), new(48, 16), new(48, 32), new(40, 32), new PixelPoint(40, 16)], region.Points);
    }

    [Fact]
    public void FromHeatmapOfAnEmptyMapIsNull() =>
        Assert.Null(ImageRegion.FromHeatmap(new float[16], 4, 4, 64, 64));

    [Fact]
    public void InvalidRegionsAreRejected()
    {
        Assert.Throws<TriageReportException>(() => ImageRegion.BoundingBox(5, 0, 4, 2));
        Assert.Throws<TriageReportException>(() => ImageRegion.Polygon([new(1, 1), new(2, 2)]));
        Assert.Throws<TriageReportException>(() => ImageRegion.Circle(new(1, 1), 0));
        Assert.Throws<TriageReportException>(() => ImageRegion.Polygon([new(1, 1), new(2, double.NaN), new(3, 3)]));
        Assert.Throws<TriageReportException>(() => ImageRegion.FromHeatmap(new float[10], 4, 4, 64, 64));
    }
}
