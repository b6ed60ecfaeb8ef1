using Isl.Model.Heatmaps;
using Isl.Testing;
using Isl.Trainer.Data;
using Isl.Trainer.Evaluation;
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
        Assert.All(missed.Lesions, l => Assert.Null(l.LesionStrength));
    }

    [Fact]
    public void Each_lesion_slice_says_how_strong_the_heatmap_was_on_the_lesion_and_the_report_writes_it_to_pointing_csv()
    {
        using var root = new TempDirectory("mask-pointing-rows");
        Directory.CreateDirectory(root.Combine("scans", "078"));
        Directory.CreateDirectory(root.Combine("masks", "078"));
        foreach (var k in new[] { "10", "11" })
        {
            SyntheticPngSet.WriteJpeg(root.Combine("scans", "078", $"{k}.jpg"), 40, 40, (_, _) => 90);
            // The lesion: columns 0–9 of 40, every row; on a 16² heatmap columns 0–3 cover it.
            SyntheticPngSet.WriteGray(root.Combine("masks", "078", $"{k}.png"), 40, 40, (x, _) => x < 10 ? (byte)255 : (byte)0);
        }

        IReadOnlyList<bool> labels = [true];
        var entries = new[] { "10", "11" }.Select((k, i) => new SliceEntry($"scans/078/{k}.jpg", "scans/078", root.Combine("scans", "078", $"{k}.jpg"), i, labels)).ToArray();
        // Slice 10: the maximum (9) lies off the lesion, the lesion's strongest pixel is 4; a stronger 7 on the lesion lies
        // where no colour may show (−∞ outside the heatmap area, as ScanResult.HeatmapStrengths marks it) and must not count.
        var missed = Strengths(16, -1f);
        missed[(8 * 16) + 12] = 9f;
        missed[(5 * 16) + 2] = 4f;
        missed[(6 * 16) + 1] = float.NegativeInfinity;
        missed[(6 * 16) + 0] = float.NegativeInfinity;
        // Slice 11: nothing of the lesion may show colour.
        var outside = Strengths(16, -1f);
        for (var r = 0; r < 16; r++)
        {
            for (var c = 0; c < 4; c++)
            {
                outside[(r * 16) + c] = float.NegativeInfinity;
            }
        }

        outside[(3 * 16) + 9] = 2f;
        var peaks = new[] { new HeatmapPeak(0.9f, 8, 12, 16) { Strength = 9f }, new HeatmapPeak(0.2f, 3, 9, 16) { Strength = 2f } };

        var summary = ImageMaskPointing.Play(entries, peaks, ["hemorrhage"], [missed, outside]);

        Assert.Equal(2, summary.Lesions.Count);
        var first = summary.Lesions[0];
        Assert.Equal(("scans/078/10.jpg", false, 8, 12, 9.0, 4.0), (first.Id, first.Hit, first.PeakRow, first.PeakColumn, first.PeakStrength, first.LesionStrength));
        Assert.Equal((16 * 4) - 2, first.LesionPixels);
        Assert.Equal((null, 0), (summary.Lesions[1].LesionStrength, summary.Lesions[1].LesionPixels));

        var metrics = new EvaluationMetrics { ScanPooling = "mean", LabelLevel = "scan", Groups = [], Pointing = summary with { LesionColoured = 1 } };
        var written = EvaluationReportWriter.Write(root.Combine("out"), metrics, [], ["hemorrhage"]);
        var csv = File.ReadAllLines(root.Combine("out", EvaluationReportWriter.PointingFile));
        Assert.Contains(root.Combine("out", EvaluationReportWriter.PointingFile), written);
        Assert.Equal(["id,scan,hit,peak_row,peak_column,peak_strength,lesion_strength,lesion_pixels", "scans/078/10.jpg,scans/078,0,8,12,9,4,62", "scans/078/11.jpg,scans/078,0,3,9,2,,0"], csv);
        Assert.DoesNotContain("lesions", File.ReadAllText(root.Combine("out", EvaluationReportWriter.MetricsFile)), StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Of 2 misses, 1 have no heatmap pixel on the lesion", File.ReadAllText(root.Combine("out", EvaluationReportWriter.ReportFile)), StringComparison.Ordinal);
        Assert.Contains("Lesion slices with any heatmap colour on the lesion: 1 of 2 (50.0 %).", File.ReadAllText(root.Combine("out", EvaluationReportWriter.ReportFile)), StringComparison.Ordinal);
        using var json = System.Text.Json.JsonDocument.Parse(File.ReadAllText(root.Combine("out", EvaluationReportWriter.MetricsFile)));
        var pointing = json.RootElement.GetProperty("pointing");
        Assert.Equal((1, 0.5), (pointing.GetProperty("lesionColoured").GetInt32(), pointing.GetProperty("lesionColourRate").GetDouble()));
    }

    private static float[] Strengths(int size, float value) => Enumerable.Repeat(value, size * size).ToArray();
}
