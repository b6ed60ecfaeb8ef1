using Isl.Testing;

namespace Isl.Dicom.Network.Tests.Integration;

[Trait("Category", "Integration")]
public sealed class PydicomCorpusToScpTests
{
    [Fact]
    public async Task Uncompressed_files_arrive_equal_outside_the_meta()
    {
        var files = PydicomCorpus.SupportedFiles().Where(f => !f.Syntax.IsEncapsulated && DcmtkReadsSopInstance(f.Path)).ToList();
        Assert.True(files.Count > 50, $"only {files.Count} corpus files");
        await AssertStoredEqualAsync(files.Select(f => (f.Path, f.SopInstanceUid)).ToList(), []);
    }

    [Theory]
    [InlineData("1.2.840.10008.1.2.5", "-xr")]
    [InlineData("1.2.840.10008.1.2.4.70", "-xs")]
    public async Task Lossless_compressed_files_proposed_as_is_arrive_byte_equal(string syntax, string storescuOption)
    {
        var files = PydicomCorpus.SupportedFiles().Where(f => f.Syntax.Uid == syntax && DcmtkReadsSopInstance(f.Path)).ToList();
        Assert.NotEmpty(files);
        await AssertStoredEqualAsync(files.Select(f => (f.Path, f.SopInstanceUid)).ToList(), [storescuOption], syntax);
    }

    /// <summary>storescu can only send what dcmtk parses: files where it finds the SOP Instance UID as UI (e.g. not rtdose_rle.dcm).</summary>
    private static bool DcmtkReadsSopInstance(string path) =>
        ExternalTool.Run("dcmdump", ["-q", "-s", "+P", "0008,0018", path]).StdOut.Contains(" UI [", StringComparison.Ordinal);

    private static async Task AssertStoredEqualAsync(List<(string Path, string Sop)> files, string[] storescuOptions, string? preferredSyntax = null)
    {
        await using var scp = new ScpHost(o =>
        {
            o.AcceptAnySopClass = true;
            if (preferredSyntax is not null)
            {
                o.TransferSyntaxPreference.Insert(0, preferredSyntax);
            }
        });
        var result = ExternalTool.Run("storescu", ["-aec", "ISL-TEST", "-R", .. storescuOptions, "127.0.0.1", scp.Port.ToString(), .. files.Select(f => f.Path)]);
        Assert.True(result.ExitCode == 0, result.Output);

        var problems = new List<string>();
        foreach (var (path, sop) in files)
        {
            var stored = scp.Find(sop);
            if (stored is null)
            {
                problems.Add($"{Path.GetFileName(path)}: not stored");
                continue;
            }

            if (preferredSyntax is not null && DicomFile.Open(stored.Path).TransferSyntax.Uid != preferredSyntax)
            {
                problems.Add($"{Path.GetFileName(path)}: stored in {DicomFile.Open(stored.Path).TransferSyntax}");
            }

            problems.AddRange(DicomFiles.DifferenceOutsideMeta(path, stored.Path) is { } difference ? [difference] : []);
        }

        Assert.True(problems.Count == 0, string.Join('\n', problems));
    }
}
