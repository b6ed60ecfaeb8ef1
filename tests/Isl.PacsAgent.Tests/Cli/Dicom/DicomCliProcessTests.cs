using Isl.Dicom;
using Isl.Testing;

namespace Isl.PacsAgent.Tests.Cli.Dicom;

/// <summary>Runs the real <c>isl-agent</c> executable: exit codes and stderr as an administrator sees them.</summary>
public sealed class DicomCliProcessTests
{
    private static readonly string Agent = Path.Combine(AppContext.BaseDirectory, "isl-agent.dll");

    [Fact]
    public void Transcode_exits_non_zero_with_one_stderr_line_per_bad_file_and_no_stack_trace()
    {
        using var input = new TempDirectory();
        using var output = new TempDirectory();
        var bad = SampleFiles.WriteGarbage(input.Combine("bad.dcm"));
        var good = SampleFiles.Write(input.Combine("good.dcm"), SampleFiles.CtSlice(1), DicomTransferSyntax.RLELossless);

        var result = ExternalTool.Run("dotnet", [Agent, "dicom", "transcode", "--transfer-syntax", "1.2.840.10008.1.2.1", "--out", output.Path, bad, good]);

        Assert.Equal(1, result.ExitCode);
        var line = Assert.Single(result.StdErr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith($"transcode: {bad}: not valid DICOM", line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.StdErr, StringComparison.Ordinal);
        Assert.Equal(DicomTransferSyntax.ExplicitVRLittleEndian, DicomFile.Open(output.Combine("good.dcm")).TransferSyntax);
    }

    [Fact]
    public void Dump_exits_zero_for_good_files()
    {
        using var input = new TempDirectory();
        var good = SampleFiles.Write(input.Combine("good.dcm"), SampleFiles.CtSlice(1), DicomTransferSyntax.ExplicitVRLittleEndian);

        var result = ExternalTool.Run("dotnet", [Agent, "dicom", "dump", good]);

        Assert.True(result.ExitCode == 0, result.Output);
        Assert.Contains("(0010,0010) PN [Doe^John]", result.StdOut, StringComparison.Ordinal);
        Assert.Equal("", result.StdErr);
    }
}
