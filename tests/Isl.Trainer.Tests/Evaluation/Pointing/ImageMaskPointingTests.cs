using Isl.Model.Heatmaps;
using Isl.Testing;
using Isl.Trainer.Data;
using Isl.Trainer.Evaluation.Pointing;
using Isl.Trainer.Tests.Support;

namespace Isl.Trainer.Tests.Evaluation.Pointing;

public sealed class ImageMaskPointingTests
{
    [Fact]
    public void A_peak_inside_the_masks_png_hits_and_one_outside_misses_per_slice_scan_and_label()
    {
        using var root = new TempDirectory("mask-pointing");
        Directory.CreateDirectory(root.Combine("scans", "077"));
        Directory.CreateDirectory(root.Combine("masks", "077"));
        foreach (var k in new[] { "10", "11", "12" })
        {
            SyntheticPngSet.WriteJpeg(root.Combine("scans", "077", $"{k}.jpg"), 40, 20, (_, _) => 90);
        }

        // Slice 10 and 11 carry a lesion in the left half (columns 0–9 of 40); slice 12 has no mask file.
        SyntheticPngSet.WriteGray(root.Combine("masks", "077", "10.png"), 40, 20, (x, _) => x < 10 ? (byte)255 : (byte)0);
        SyntheticPngSet.WriteGray(root.Combine("masks", "077", "11.png"), 40, 20, (x, _) => x < 10 ? (byte)255 : (byte)0);
        Assert.Equal(root.Combine("masks", "077", "10.png"), ImageMaskPointing.MaskPathOf(root.Combine("scans", "077", "10.jpg")));
        Assert.Null(ImageMaskPointing.MaskPathOf(root.Combine("scans", "077", "12.jpg")));

        IReadOnlyList<bool> labels = [true, false, true];
        var entries = new[] { "10", "11", "12" }.Select((k, i) => new SliceEntry($"scans/077/{k}.jpg", "scans/077", root.Combine("scans", "077", $"{k}.jpg"), i, labels)).ToArray();

        // A 40×20 image is padded to 40×40 (10 rows above); on a 16² heatmap the left lesion is columns 0–3, rows 4–11.
        var summary = ImageMaskPointing.Play(entries, [new HeatmapPeak(0.9f, 8, 1, 16), new HeatmapPeak(0.5f, 8, 14, 16), new HeatmapPeak(0.2f, 8, 1, 16)], ["hemorrhage", "fracture", "EDH"]);

        Assert.Equal((2, 1, 0.5), (summary.Slices, summary.Hits, summary.Rate));
        Assert.Equal((1, 1), (summary.Scans, summary.ScanHits));
        Assert.Equal(["all", "hemorrhage", "EDH"], summary.Groups.Select(g => g.Group));
        var missed = ImageMaskPointing.Play(entries, [new HeatmapPeak(0.1f, 8, 14, 16), new HeatmapPeak(0.1f, 8, 14, 16), new HeatmapPeak(0.9f, 8, 1, 16)], ["hemorrhage", "fracture", "EDH"]);
        Assert.Equal((2, 0, 1, 0), (missed.Slices, missed.Hits, missed.Scans, missed.ScanHits));
    }
}
