using Isl.Testing;
using Xunit.Abstractions;

namespace Isl.Dicom.Tests.Corpus;

[Trait("Category", "Integration")]
public sealed class PydicomCorpusTests(ITestOutputHelper output)
{
    /// <summary>Files of the corpus that are not valid DICOM (on purpose or by damage), with the reason; they must fail with the parse error.</summary>
    private static readonly Dictionary<string, string> Broken = new(StringComparer.Ordinal)
    {
        ["README.txt"] = "plain text, not DICOM",
        ["dicomdirtests/README.txt"] = "plain text, not DICOM",
        ["dicomdirtests/TINY_ALPHA/README"] = "plain text, not DICOM",
        ["rtplan.dump"] = "a dcmdump text listing, not DICOM",
        ["rtstruct.dump"] = "a dcmdump text listing, not DICOM",
        ["test1.json"] = "DICOM JSON, not Part 10",
        ["test_PN.json"] = "DICOM JSON, not Part 10",
        ["zipMR.gz"] = "a gzip archive, not DICOM",
        ["MR_truncated.dcm"] = "truncated inside Pixel Data; dcmtk fails too",
        ["rtplan_truncated.dcm"] = "truncated inside a sequence; dcmtk fails too",
        ["no_meta.dcm"] = "a stray byte precedes the first element, so no syntax fits; dcmtk fails too",
    };

    [Fact]
    public void Every_file_round_trips_like_dcmtk_or_fails_clearly()
    {
        var root = SharedData.PydicomTestFiles;
        using var work = new TempDirectory("isl-corpus");
        var files = Directory.GetFiles(root, "*", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .Select(path => (Path.GetRelativePath(root, path), path))
            .ToList();

        var outcomes = new RoundTripChecker(work.Path, Broken).CheckAll(files);

        CorpusTally.Report(output, "pydicom corpus", outcomes);
        Assert.DoesNotContain(outcomes, o => o.Kind == CorpusOutcomeKind.Failure);
    }
}
