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

    [Fact]
    public void OneRgbSecondaryCapturePerSliceWithTheRequiredModules()
    {
        var images = BuildAll();

        Assert.Equal(TriageFixtures.SliceCount, images.Count);
        var image = images[2];
        Assert.Equal(DicomSopClass.SecondaryCaptureImageStorage, image.GetString(DicomTags.SOPClassUID));
        Assert.Equal(["DERIVED", "SECONDARY"], image.GetStrings(DicomTags.ImageType));
        Assert.Equal("WSD", image.GetString(DicomTags.ConversionType));
        Assert.Equal("YES", image.GetString(DicomTags.BurnedInAnnotation));
        Assert.Equal("RGB", image.GetString(DicomTags.PhotometricInterpretation));
        Assert.Equal(3, image.GetUInt16(DicomTags.SamplesPerPixel));
        Assert.Equal(0, image.GetUInt16(DicomTags.PlanarConfiguration));
        Assert.Equal(8, image.GetUInt16(DicomTags.BitsAllocated));
        Assert.Equal(TriageFixtures.Size * TriageFixtures.Size * 3, image.GetBytes(DicomTags.PixelData).Length);
        Assert.Equal(3, image.GetInt32(DicomTags.InstanceNumber));
        Assert.Equal("Phantom^Head", image.GetString(DicomTags.PatientName));
        Assert.Equal(TriageFixtures.StudyUid, image.GetString(DicomTags.StudyInstanceUID));
        var source = image.GetSequence(DicomTags.SourceImageSequence).Single();
        Assert.Equal(TriageFixtures.Slice(2).SopInstanceUid, source.GetString(DicomTags.ReferencedSOPInstanceUID));
    }

    [Fact]
    public void AllImagesShareOneNewSeriesWithDeterministicUids()
    {
        var first = BuildAll();
        var retry = BuildAll();

        Assert.Single(first.Select(i => i.GetString(DicomTags.SeriesInstanceUID)).Distinct());
        Assert.NotEqual(TriageFixtures.SeriesUid, first[0].GetString(DicomTags.SeriesInstanceUID));
        Assert.Equal(first.Select(i => i.GetString(DicomTags.SOPInstanceUID)), retry.Select(i => i.GetString(DicomTags.SOPInstanceUID)));
        Assert.Equal(TriageFixtures.SliceCount, first.Select(i => i.GetString(DicomTags.SOPInstanceUID)).Distinct().Count());
    }

    [Fact]
    public void HotSpotIsReddishAndTheRestIsTheBrainWindowGray()
    {
        var image = BuildAll()[2];

        var (r, g, b) = PixelAt(image, TriageFixtures.HotSpot.Column, TriageFixtures.HotSpot.Row);
        Assert.True(r > 150 && r > g + 60 && r > b + 60, $"hot spot pixel is ({r},{g},{b})");

        // Brain at 40 HU in WL 40/WW 80 is mid-gray; air is black; both untouched by the overlay.
        Assert.Equal(((byte)128, (byte)128, (byte)128), PixelAt(image, 20, 40));
        Assert.Equal(((byte)0, (byte)0, (byte)0), PixelAt(image, 1, TriageFixtures.Size - 2));
    }

    [Fact]
    public void SlicesWithoutHeatAreTheWindowedCtBelowTheBanner()
    {
        var image = BuildAll()[0];
        var hu = TriageFixtures.Hounsfield();

        for (var row = 32; row < TriageFixtures.Size; row++)
        {
            for (var column = 0; column < TriageFixtures.Size; column++)
            {
                var gray = (byte)Math.Round(Math.Clamp((hu[(row * TriageFixtures.Size) + column] - 0) / 80.0, 0, 1) * 255);
                Assert.Equal((gray, gray, gray), PixelAt(image, column, row));
            }
        }
    }

    [Fact]
    public void BannerTextIsBurnedIntoTheTopRows()
    {
        var result = TriageFixtures.Abnormal();
        var slice = TriageFixtures.HeatmapSlices()[0] with { Image = TriageFixtures.Slice(0) with { Rows = 256, Columns = 256 }, Hounsfield = Enumerable.Repeat(40f, 256 * 256).ToArray() };
        var rgb = Builder.Render(result, slice, 0.5, 1, 1);

        var yellow = 0;
        for (var i = 0; i < 256 * 20 * 3; i += 3)
        {
            yellow += rgb[i] > 200 && rgb[i + 1] > 200 && rgb[i + 2] < 80 ? 1 : 0;
        }

        Assert.True(yellow > 50, $"only {yellow} yellow banner pixels");
        Assert.Equal(128, rgb[((200 * 256) + 128) * 3]); // 40 HU is mid-gray in WL 40/WW 80 (below the banner)
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
    public void HeatmapSliceFromAHeaderWithoutPixelsIsAClearError()
    {
        var error = Assert.Throws<TriageReportException>(() => HeatmapSlice.FromDataset(TriageFixtures.StudySource(), new float[4], 2, 2));

        Assert.Contains(TriageFixtures.Slice(0).SopInstanceUid, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MontageIsAPngGridOfTheImages()
    {
        var png = HeatmapMontage.RenderPng(BuildAll(), tileSize: 32);

        using var decoded = SKBitmap.Decode(png);
        Assert.Equal((64, 64), (decoded.Width, decoded.Height));
        var hot = decoded.GetPixel(TriageFixtures.HotSpot.Column / 2, 32 + (TriageFixtures.HotSpot.Row / 2));
        Assert.True(hot.Red > hot.Green + 40, $"montage hot spot is {hot}");
        Assert.Throws<TriageReportException>(() => HeatmapMontage.RenderPng([]));
        Assert.Throws<TriageReportException>(() => HeatmapMontage.RenderPng([TriageFixtures.StudySource()]));
    }
}
