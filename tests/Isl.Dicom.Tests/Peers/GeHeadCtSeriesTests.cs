using System.Globalization;
using Isl.Testing;

namespace Isl.Dicom.Tests.Peers;

/// <summary>The real GE series reads with the values dcmtk reports, headers-only and fully.</summary>
[Trait("Category", "Integration")]
public class GeHeadCtSeriesTests
{
    private static readonly DicomTag[] Compared =
    [
        DicomTags.ImagePositionPatient, DicomTags.ImageOrientationPatient, DicomTags.PixelSpacing, DicomTags.SliceLocation,
        DicomTags.InstanceNumber, DicomTags.RescaleIntercept, DicomTags.RescaleSlope, DicomTags.GantryDetectorTilt,
        DicomTags.Rows, DicomTags.Columns, DicomTags.PixelRepresentation, DicomTags.SeriesInstanceUID,
    ];

    [Fact]
    public void Values_match_dcmdump_for_every_slice()
    {
        foreach (var path in SharedData.GeHeadCtFiles().Where((_, i) => i % 7 == 0))
        {
            var dataset = DicomFile.Open(path).Dataset;
            var arguments = new List<string> { "-q" };
            foreach (var tag in Compared)
            {
                arguments.Add("+P");
                arguments.Add($"{tag.Group:x4},{tag.Element:x4}");
            }

            arguments.Add(path);
            var lines = ExternalTool.Run("dcmdump", arguments).StdOut.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal(Compared.Length, lines.Length);
            foreach (var line in lines)
            {
                var tag = DicomTag.Parse(line[..11]);
                var afterVR = line[15..];
                var value = afterVR.StartsWith('[') ? afterVR[1..afterVR.IndexOf(']', StringComparison.Ordinal)] : afterVR[..afterVR.IndexOf(' ', StringComparison.Ordinal)];
                Assert.Equal(value, dataset.GetString(tag));
            }

            var position = dataset.GetDoubles(DicomTags.ImagePositionPatient);
            Assert.Equal(3, position.Length);
            Assert.Equal(double.Parse(lines.Single(l => l.StartsWith("(0020,1041)", StringComparison.Ordinal)).Split('[', ']')[1], CultureInfo.InvariantCulture), dataset.GetDouble(DicomTags.SliceLocation));
        }
    }

    [Fact]
    public void Headers_only_reading_matches_full_reading_without_pixel_data()
    {
        foreach (var path in SharedData.GeHeadCtFiles())
        {
            var full = DicomFile.Open(path);
            var header = DicomFile.Open(path, new DicomReadOptions { StopAtTag = DicomTags.PixelData });
            Assert.False(header.Dataset.Contains(DicomTags.PixelData));
            Assert.Equal(512 * 512 * 2, full.Dataset.GetBytes(DicomTags.PixelData).Length);
            full.Dataset.Remove(DicomTags.PixelData);
            Assert.Equal(DicomDatasetPrinter.Format(full), DicomDatasetPrinter.Format(header));
        }
    }

    [Fact]
    public void Rewriting_in_the_same_syntax_is_byte_identical()
    {
        foreach (var path in SharedData.GeHeadCtFiles().Take(5))
        {
            var original = File.ReadAllBytes(path);
            using var stream = new MemoryStream();
            DicomFile.Open(path).Save(stream);
            Assert.Equal(original, stream.ToArray());
        }
    }
}
