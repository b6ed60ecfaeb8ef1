using System.Globalization;
using System.Text.RegularExpressions;
using Isl.Dicom.Imaging;
using Isl.Testing;
using Xunit.Abstractions;

namespace Isl.Dicom.Tests.Corpus;

[Trait("Category", "Integration")]
public sealed partial class GeHeadCtRoundTripTests(ITestOutputHelper output)
{
    private static readonly Dictionary<string, string> NoBrokenFiles = [];

    [Fact]
    public void Series_and_its_RLE_and_JPEG_Lossless_versions_round_trip_like_dcmtk()
    {
        var originals = SharedData.GeHeadCtFiles();
        using var work = new TempDirectory("isl-ge");
        var variants = CompressedVariants(originals, work.Path);

        var outcomes = new RoundTripChecker(work.Path, NoBrokenFiles)
            .CheckAll([.. originals.Select(f => ("native/" + Path.GetFileName(f), f)), .. variants]);

        CorpusTally.Report(output, "GE head CT (native, dcmcjpeg, dcmcrle)", outcomes);
        Assert.Equal(28, originals.Length);
        Assert.All(outcomes, o => Assert.Equal(CorpusOutcomeKind.RoundTripped, o.Kind));
    }

    [Fact]
    public void Hounsfield_units_of_every_pixel_match_dcmtk_raw_values_times_rescale()
    {
        var originals = SharedData.GeHeadCtFiles();
        using var work = new TempDirectory("isl-ge-hu");
        var reference = DcmtkHounsfield(originals, work.Path);
        var jpeg = Compress(originals[14], "dcmcjpeg", ["+e1"], work.Combine("jpeg.dcm"));
        var rle = Compress(originals[14], "dcmcrle", [], work.Combine("rle.dcm"));

        foreach (var file in originals)
        {
            Assert.Equal(reference[file], HounsfieldUnits.FromFile(DicomFile.Open(file)));
        }

        Assert.Equal(reference[originals[14]], HounsfieldUnits.FromFile(DicomFile.Open(jpeg)));
        Assert.Equal(reference[originals[14]], HounsfieldUnits.FromFile(DicomFile.Open(rle)));
        var hu = reference[originals[14]];
        output.WriteLine($"{Path.GetFileName(originals[14])}: HU at (0,0) {hu[0]}, centre (256,256) {hu[(256 * 512) + 256]}, (300,200) {hu[(300 * 512) + 200]}; min {hu.Min()}, max {hu.Max()}");
    }

    [Fact]
    public void Our_rle_encoding_is_decoded_by_dcmdrle_to_the_original_pixels()
    {
        var originals = SharedData.GeHeadCtFiles().Where((_, i) => i % 7 == 0).ToArray();
        using var work = new TempDirectory("isl-ge-rle");
        foreach (var original in originals)
        {
            var ours = work.Combine("ours-" + Path.GetFileName(original));
            var decoded = work.Combine("dcmdrle-" + Path.GetFileName(original));
            DicomTranscoder.Transcode(DicomFile.Open(original), DicomTransferSyntax.RLELossless).Save(ours);

            var result = ExternalTool.Run("dcmdrle", [ours, decoded]);

            Assert.True(result.ExitCode == 0, result.Output);
            var (maxError, text) = DcmtkReference.CompareImages(original, decoded);
            Assert.True(maxError == 0, text);
            Assert.Equal(DicomFile.Open(original).Dataset.GetBytes(DicomTags.PixelData).ToArray(), DicomFile.Open(decoded).Dataset.GetBytes(DicomTags.PixelData).ToArray());
        }

        output.WriteLine($"{originals.Length} slices RLE-encoded by us decode in dcmdrle to the original pixels");
    }

    /// <summary>dcmtk's JPEG Lossless (SV1 for all, other predictors and a point transform on some) and RLE versions.</summary>
    private static List<(string Name, string Path)> CompressedVariants(string[] originals, string folder)
    {
        var jobs = new List<(string Name, string Tool, string[] Options, string Input)>();
        for (var i = 0; i < originals.Length; i++)
        {
            var name = Path.GetFileName(originals[i]);
            jobs.Add(($"jpeg-sv1/{name}", "dcmcjpeg", ["+e1"], originals[i]));
            jobs.Add(($"rle/{name}", "dcmcrle", [], originals[i]));
            if (i % 4 == 0)
            {
                var predictor = 2 + (i / 4 % 6);
                jobs.Add(($"jpeg-sv{predictor}/{name}", "dcmcjpeg", ["+el", "+sv", predictor.ToString(CultureInfo.InvariantCulture)], originals[i]));
            }
        }

        jobs.Add(($"jpeg-sv7-pt2/{Path.GetFileName(originals[5])}", "dcmcjpeg", ["+el", "+sv", "7", "+pt", "2"], originals[5]));
        var results = new (string, string)[jobs.Count];
        Parallel.For(0, jobs.Count, new ParallelOptions { MaxDegreeOfParallelism = 2 }, j =>
        {
            var (name, tool, options, input) = jobs[j];
            results[j] = (name, Compress(input, tool, options, Path.Combine(folder, name.Replace('/', '-'))));
        });
        return [.. results];
    }

    private static string Compress(string input, string tool, string[] options, string output)
    {
        var result = ExternalTool.Run(tool, [.. options, input, output]);
        Assert.True(result.ExitCode == 0, $"{tool} failed: {result.Output}");
        return output;
    }

    /// <summary>HU per file from dcmtk: the raw pixel values dcmdump +W writes, times the RescaleSlope plus RescaleIntercept it lists.</summary>
    private static Dictionary<string, float[]> DcmtkHounsfield(string[] files, string folder)
    {
        var listing = ExternalTool.Run("dcmdump", ["-q", "+F", "+W", folder, .. files]);
        Assert.Equal(0, listing.ExitCode);
        var hu = new Dictionary<string, float[]>(StringComparer.Ordinal);
        foreach (var section in listing.StdOut.Split("# dcmdump (", StringSplitOptions.RemoveEmptyEntries))
        {
            var index = int.Parse(section[..section.IndexOf('/', StringComparison.Ordinal)], CultureInfo.InvariantCulture) - 1;
            var slope = double.Parse(RescaleSlope().Match(section).Groups[1].Value, CultureInfo.InvariantCulture);
            var intercept = double.Parse(RescaleIntercept().Match(section).Groups[1].Value, CultureInfo.InvariantCulture);
            var raw = File.ReadAllBytes(RawPixelFile().Match(section).Groups[1].Value);
            var values = new float[raw.Length / 2];
            for (var i = 0; i < values.Length; i++)
            {
                values[i] = (float)((BitConverter.ToInt16(raw, 2 * i) * slope) + intercept);
            }

            hu[files[index]] = values;
        }

        Assert.Equal(files.Length, hu.Count);
        return hu;
    }

    [GeneratedRegex(@"\(0028,1053\) DS \[([^\]]+)\]")]
    private static partial Regex RescaleSlope();

    [GeneratedRegex(@"\(0028,1052\) DS \[([^\]]+)\]")]
    private static partial Regex RescaleIntercept();

    [GeneratedRegex(@"\(7fe0,0010\) OW =(\S+)")]
    private static partial Regex RawPixelFile();
}
