using Isl.Dicom;
using SkiaSharp;

namespace Isl.Reports.Tests;

public class HeatmapSecondaryCaptureBuilderTests
{
    private static readonly HeatmapSecondaryCaptureBuilder Builder = new();

    private static IReadOnlyList<DicomDataset> BuildAll() =>
        Builder.Build(TriageFixtures.Abnormal(), TriageFixtures.HeatmapSlices(), TriageFixtures.StudySource());

    private static (byte R, byte G, byte B) PixelAt(DicomDataset image, int column, int row)
    {
        var pixels = image.GetBytes(DicomTags.PixelData).Span;
        var i = ((row * image.GetUInt16(DicomTags.Columns)) + column) * 3;
        return (pixels[i], pixels[i + 1], pixels[i + 2]);
    }

    private static readonly int Banner = HeatmapSecondaryCaptureBuilder.BannerRows(TriageFixtures.Size);

    private static bool IsGray((byte R, byte G, byte B) p) => p.R == p.G && p.G == p.B;

    private static bool IsRed((byte R, byte G, byte B) p) => p.R > 150 && p.R > p.G + 60 && p.R > p.B + 60;

    [Fact]
    public void ASummaryThenOneRgbSecondaryCapturePerSliceWithTheRequiredModules()
    {
        var images = BuildAll();

        Assert.Equal(TriageFixtures.SliceCount + 1, images.Count);
        Assert.Equal(1, images[0].GetInt32(DicomTags.InstanceNumber));
        Assert.Equal(new TriageUids(TriageFixtures.Abnormal()).HeatmapSummarySopInstanceUid, images[0].GetString(DicomTags.SOPInstanceUID));
        var image = images[3];
        Assert.Equal(DicomSopClass.SecondaryCaptureImageStorage, image.GetString(DicomTags.SOPClassUID));
        Assert.Equal(["DERIVED", "SECONDARY"], image.GetStrings(DicomTags.ImageType));
        Assert.Equal("WSD", image.GetString(DicomTags.ConversionType));
        Assert.Equal("YES", image.GetString(DicomTags.BurnedInAnnotation));
        Assert.Equal("RGB", image.GetString(DicomTags.PhotometricInterpretation));
        Assert.Equal(3, image.GetUInt16(DicomTags.SamplesPerPixel));
        Assert.Equal(0, image.GetUInt16(DicomTags.PlanarConfiguration));
        Assert.Equal(8, image.GetUInt16(DicomTags.BitsAllocated));
        Assert.True(Banner > 10, $"banner of {Banner} rows");
        Assert.Equal(TriageFixtures.Size + Banner, image.GetUInt16(DicomTags.Rows));
        Assert.Equal(TriageFixtures.Size * (TriageFixtures.Size + Banner) * 3, image.GetBytes(DicomTags.PixelData).Length);
        Assert.Equal(4, image.GetInt32(DicomTags.InstanceNumber));
        Assert.Equal("Phantom^Head", image.GetString(DicomTags.PatientName));
        Assert.Equal(TriageFixtures.StudyUid, image.GetString(DicomTags.StudyInstanceUID));
        Assert.Equal("AI heatmap: ABNORMAL 0.73 (ISL head-ct-demo)", image.GetString(DicomTags.SeriesDescription));
        var source = image.GetSequence(DicomTags.SourceImageSequence).Single();
        Assert.Equal(TriageFixtures.Slice(2).SopInstanceUid, source.GetString(DicomTags.ReferencedSOPInstanceUID));
        Assert.Contains("slice score 0.91;", image.GetString(DicomTags.ImageComments), StringComparison.Ordinal);
    }

    [Fact]
    public void AllImagesShareOneNewSeriesWithDeterministicUids()
    {
        var first = BuildAll();
        var retry = BuildAll();

        Assert.Single(first.Select(i => i.GetString(DicomTags.SeriesInstanceUID)).Distinct());
        Assert.NotEqual(TriageFixtures.SeriesUid, first[0].GetString(DicomTags.SeriesInstanceUID));
        Assert.Equal(first.Select(i => i.GetString(DicomTags.SOPInstanceUID)), retry.Select(i => i.GetString(DicomTags.SOPInstanceUID)));
        Assert.Equal(TriageFixtures.SliceCount + 1, first.Select(i => i.GetString(DicomTags.SOPInstanceUID)).Distinct().Count());
    }

    [Fact]
    public void ColourOnlyInsideTheHotSpotWithAContourAtItsEdgeAndTheRestIsTheBrainWindowGray()
    {
        var image = BuildAll()[3];
        var (cx, cy, radius) = TriageFixtures.HotSpot;

        Assert.True(IsRed(PixelAt(image, cx, cy)), $"hot spot pixel is {PixelAt(image, cx, cy)}");
        var contour = 0;
        for (var row = 0; row < TriageFixtures.Size; row++)
        {
            for (var column = 0; column < TriageFixtures.Size; column++)
            {
                var pixel = PixelAt(image, column, row);
                var distance = Math.Sqrt(Math.Pow(column + 0.5 - cx, 2) + Math.Pow(row + 0.5 - cy, 2));
                contour += pixel == (255, 0, 255) ? 1 : 0;
                if (distance > radius + 3)
                {
                    Assert.True(IsGray(pixel), $"pixel ({column},{row}) outside the hot spot is coloured {pixel}");
                }

                if (pixel == (255, 0, 255))
                {
                    Assert.InRange(distance, radius - 3, radius + 3);
                }
            }
        }

        Assert.True(contour > 2 * Math.PI * radius * 0.8, $"only {contour} contour pixels around a hot spot of radius {radius}");

        // Brain at 40 HU in WL 40/WW 80 is mid-gray; air is black; both untouched by the overlay.
        Assert.Equal(((byte)128, (byte)128, (byte)128), PixelAt(image, 20, 40));
        Assert.Equal(((byte)0, (byte)0, (byte)0), PixelAt(image, 1, TriageFixtures.Size - 2));
    }

    [Fact]
    public void SlicesWithoutHeatAreExactlyTheWindowedCtAboveTheBannerMargin()
    {
        var image = BuildAll()[1];
        var hu = TriageFixtures.Hounsfield();

        for (var row = 0; row < TriageFixtures.Size; row++)
        {
            for (var column = 0; column < TriageFixtures.Size; column++)
            {
                var gray = (byte)Math.Round(Math.Clamp((hu[(row * TriageFixtures.Size) + column] - 0) / 80.0, 0, 1) * 255);
                Assert.Equal((gray, gray, gray), PixelAt(image, column, row));
            }
        }
    }

    [Fact]
    public void TheBannerIsAMarginBelowTheImageWithTheSlicesOwnVerdictAndAColourBar()
    {
        var result = TriageFixtures.Abnormal();
        const int size = 256;
        var slice = TriageFixtures.HeatmapSlices()[0] with { Image = TriageFixtures.Slice(0) with { Rows = size, Columns = size }, Hounsfield = Enumerable.Repeat(40f, size * size).ToArray() };
        var banner = HeatmapSecondaryCaptureBuilder.BannerRows(size);
        var lineHeight = (banner - 6) / 3;
        int Count(byte[] rgb, int fromRow, int toRow, int fromColumn, int toColumn, Func<(byte R, byte G, byte B), bool> test)
        {
            var n = 0;
            for (var row = fromRow; row < toRow; row++)
            {
                for (var column = fromColumn; column < toColumn; column++)
                {
                    var i = ((row * size) + column) * 3;
                    n += test((rgb[i], rgb[i + 1], rgb[i + 2])) ? 1 : 0;
                }
            }

            return n;
        }

        var above = Builder.Render(result, slice, 0.9, 1, 4);
        var below = Builder.Render(result, slice, 0.2, 1, 4);

        Assert.Equal(size * (size + banner) * 3, above.Length);
        Assert.True(Count(above, size, size + lineHeight + 3, 0, size * 3 / 4, p => p.R > 200 && p.G > 200 && p.B < 80) > 50, "no yellow warning line");
        Assert.True(Count(above, 0, size + banner, 0, size, p => p == (128, 128, 128)) >= size * size, "the banner covers the image");
        Assert.All(Enumerable.Range(0, size * size), i => Assert.Equal(128, above[i * 3])); // the image first, from row 0

        // The third line (this slice) is red when the slice is at or above the threshold, white when below.
        Assert.True(Count(above, size + (2 * lineHeight) + 3, size + banner, 0, size * 2 / 3, IsRed) > 20, "the slice line of a slice above the threshold is not red");
        Assert.Equal(0, Count(below, size + (2 * lineHeight) + 3, size + banner, 0, size * 2 / 3, IsRed));

        // The colour bar (right of the text) runs from blue to red.
        Assert.True(Count(above, size, size + banner, size * 3 / 4, size, p => p.B > 200 && p.R < 60 && p.G < 60) > 3, "no blue end of the colour bar");
        Assert.True(Count(above, size, size + banner, size * 3 / 4, size, p => p.R > 200 && p.G < 60 && p.B < 60) > 3, "no red end of the colour bar");
    }

    [Fact]
    public void TheSummaryShowsTheMostSuspiciousSlicesFirstAndTheScoreCurve()
    {
        var images = BuildAll();
        var summary = images[0];

        Assert.Equal(images[1].GetUInt16(DicomTags.Rows), summary.GetUInt16(DicomTags.Rows));
        Assert.Equal(images[1].GetUInt16(DicomTags.Columns), summary.GetUInt16(DicomTags.Columns));
        var sources = summary.GetSequence(DicomTags.SourceImageSequence).Select(s => s.GetString(DicomTags.ReferencedSOPInstanceUID)).ToList();
        Assert.Equal([TriageFixtures.Slice(2).SopInstanceUid, TriageFixtures.Slice(3).SopInstanceUid, TriageFixtures.Slice(1).SopInstanceUid], sources);
        Assert.Contains("most suspicious slices 3 (0.91)", summary.GetString(DicomTags.ImageComments), StringComparison.Ordinal);

        // The hot slice's tile is the first, at the left of the tile band: its colour lies there.
        var tileBand = (int)(TriageFixtures.Size * 0.56);
        var red = 0;
        for (var row = 0; row < tileBand; row++)
        {
            for (var column = 0; column < TriageFixtures.Size / 3; column++)
            {
                red += IsRed(PixelAt(summary, column, row)) ? 1 : 0;
            }
        }

        Assert.True(red > 0, "the most suspicious slice's heat is not in the first tile");
        Assert.Single(new HeatmapSecondaryCaptureBuilder(new TriageReportOptions { HeatmapSummary = false }).Build(TriageFixtures.Abnormal(), [TriageFixtures.HeatmapSlices()[2]], TriageFixtures.StudySource()));
    }

    [Fact]
    public void NotAnalysedStudiesAndMismatchedSlicesAreRejected()
    {
        var source = TriageFixtures.StudySource();
        var slices = TriageFixtures.HeatmapSlices();

        Assert.Throws<TriageReportException>(() => Builder.Build(TriageFixtures.NotAnalysed(), slices, source));
        var unscored = slices[0] with { Image = TriageFixtures.Slice(42) };
        Assert.Throws<TriageReportException>(() => Builder.Build(TriageFixtures.Abnormal(), [unscored], source));
        var shortHu = slices[0] with { Hounsfield = new float[10] };
        var error = Assert.Throws<TriageReportException>(() => Builder.Build(TriageFixtures.Abnormal(), [shortHu], source));
        Assert.Contains("HU values", error.Message, StringComparison.Ordinal);
        Assert.Throws<TriageReportException>(() => Builder.Build(TriageFixtures.Abnormal(), [slices[0], slices[0]], source));
        var badHeat = slices[0] with { HeatmapColumns = 3 };
        Assert.Throws<TriageReportException>(() => Builder.Build(TriageFixtures.Abnormal(), [badHeat], source));
    }

    [Fact]
    public void MontageIsAPngGridOfTheImages()
    {
        var png = HeatmapMontage.RenderPng(BuildAll().Skip(1).ToList(), tileSize: 32);

        using var decoded = SKBitmap.Decode(png);
        Assert.Equal((64, 64), (decoded.Width, decoded.Height));
        var scale = 32.0 / (TriageFixtures.Size + Banner);
        var left = (32 - (TriageFixtures.Size * scale)) / 2;
        var hot = decoded.GetPixel((int)(left + (TriageFixtures.HotSpot.Column * scale)), 32 + (int)(TriageFixtures.HotSpot.Row * scale));
        Assert.True(hot.Red > hot.Green + 40, $"montage hot spot is {hot}");
        Assert.Throws<TriageReportException>(() => HeatmapMontage.RenderPng([]));
        Assert.Throws<TriageReportException>(() => HeatmapMontage.RenderPng([TriageFixtures.StudySource()]));
    }
}
