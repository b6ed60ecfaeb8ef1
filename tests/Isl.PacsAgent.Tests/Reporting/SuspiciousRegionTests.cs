using Isl.Model.Heatmaps;
using Isl.PacsAgent.Reporting;

namespace Isl.PacsAgent.Tests.Reporting;

public sealed class SuspiciousRegionTests
{
    private const int Side = 64;

    // A synthetic axial slice: air outside, a 2-pixel skull ring (1000 HU) of radius 26 around the centre, brain (35 HU) inside.
    private static float[] Head()
    {
        var hu = new float[Side * Side];
        for (var y = 0; y < Side; y++)
        {
            for (var x = 0; x < Side; x++)
            {
                var r = Math.Sqrt(((x - 32) * (x - 32)) + ((y - 32) * (y - 32)));
                hu[(y * Side) + x] = r < 24 ? 35 : r < 27 ? 1000 : -1000;
            }
        }

        return hu;
    }

    [Fact]
    public void A_coloured_intracranial_spot_takes_the_region()
    {
        var heatmap = new float[16 * 16];
        heatmap[(5 * 16) + 10] = 0.8f; // heatmap pixel (row 5, column 10) ↔ image pixels 20–23 × 40–43
        var region = SuspiciousRegion.Locate(Head(), Side, Side, heatmap, 16, 16, new HeatmapPeak(0, 12, 3, 16));

        Assert.All(region.Points, p => Assert.InRange(p.Column, 39, 44));
        Assert.All(region.Points, p => Assert.InRange(p.Row, 19, 24));
    }

    [Fact]
    public void Without_colour_the_strongest_evidence_takes_the_region_and_without_it_the_centre_does()
    {
        var empty = new float[16 * 16];
        var atPeak = SuspiciousRegion.Locate(Head(), Side, Side, empty, 16, 16, new HeatmapPeak(0, 4, 8, 16));
        var centre = SuspiciousRegion.Locate(Head(), Side, Side, empty, 16, 16);
        var onBone = SuspiciousRegion.Locate(Head(), Side, Side, empty, 16, 16, new HeatmapPeak(0, 0, 0, 16));

        // Peak (row 4, column 8) ↔ image pixel (34, 18): the box is centred there, 4 pixels each way (box corners run to the far pixel edge).
        Assert.Equal(30, atPeak.Points.Min(p => p.Column));
        Assert.Equal(39, atPeak.Points.Max(p => p.Column));
        Assert.Equal(14, atPeak.Points.Min(p => p.Row));
        Assert.Equal(23, atPeak.Points.Max(p => p.Row));
        Assert.InRange(centre.Points.Average(p => p.Row), 30, 34);
        Assert.Equal(centre.Points.Select(p => (p.Column, p.Row)), onBone.Points.Select(p => (p.Column, p.Row)));
    }
}
