using Isl.Dicom;
using Isl.PacsAgent.Cli.Dicom;
using Isl.Testing;

namespace Isl.PacsAgent.Tests.Cli.Dicom;

public sealed class TranscodeVerbTests
{
    [Fact]
    public void Folders_are_searched_recursively_and_relative_paths_kept()
    {
        using var input = new TempDirectory();
        using var output = new TempDirectory();
        SampleFiles.Write(input.Combine("study", "series1", "a.dcm"), SampleFiles.CtSlice(1), DicomTransferSyntax.ImplicitVRLittleEndian);
        SampleFiles.Write(input.Combine("study", "series2", "b.dcm"), SampleFiles.CtSlice(2), DicomTransferSyntax.ExplicitVRBigEndian);
        var single = SampleFiles.Write(input.Combine("c.dcm"), SampleFiles.CtSlice(3), DicomTransferSyntax.ExplicitVRLittleEndian);

        var exit = TranscodeVerb.Run(DicomTransferSyntax.RLELossless.Uid, output.Path, [input.Combine("study"), single], TextWriter.Null, TextWriter.Null);

        Assert.Equal(0, exit);
        foreach (var (written, seed) in new[] { (output.Combine("series1", "a.dcm"), 1), (output.Combine("series2", "b.dcm"), 2), (output.Combine("c.dcm"), 3) })
        {
            var file = DicomFile.Open(written);
            Assert.Equal(DicomTransferSyntax.RLELossless, file.TransferSyntax);
            Assert.Equal(DicomTransferSyntax.RLELossless.Uid, file.FileMetaInformation.GetString(DicomTags.TransferSyntaxUID));
            Assert.NotNull(file.Dataset.GetFragments(DicomTags.PixelData));
            Assert.Equal(
                SampleFiles.CtSlice(seed).GetBytes(DicomTags.PixelData).ToArray(),
                Isl.Dicom.Imaging.DicomPixelData.Create(file).GetFrame(0));
        }
    }

    [Fact]
    public void Bad_files_are_reported_one_line_each_and_the_rest_are_written()
    {
        using var input = new TempDirectory();
        using var output = new TempDirectory();
        var bad = SampleFiles.WriteGarbage(input.Combine("bad.dcm"));
        SampleFiles.Write(input.Combine("good.dcm"), SampleFiles.CtSlice(1), DicomTransferSyntax.ExplicitVRLittleEndian);
        var error = new StringWriter();

        var exit = TranscodeVerb.Run(DicomTransferSyntax.ImplicitVRLittleEndian.Uid, output.Path, [input.Path], TextWriter.Null, error);

        Assert.Equal(1, exit);
        var line = Assert.Single(error.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith($"transcode: {bad}: not valid DICOM", line, StringComparison.Ordinal);
        Assert.Equal(DicomTransferSyntax.ImplicitVRLittleEndian, DicomFile.Open(output.Combine("good.dcm")).TransferSyntax);
    }

    [Fact]
    public void An_unsupported_target_names_the_syntax()
    {
        using var input = new TempDirectory();
        using var output = new TempDirectory();
        var file = SampleFiles.Write(input.Combine("a.dcm"), SampleFiles.CtSlice(1), DicomTransferSyntax.ExplicitVRLittleEndian);
        var error = new StringWriter();

        var exit = TranscodeVerb.Run(DicomTransferSyntax.JPEG2000Lossless.Uid, output.Path, [file], TextWriter.Null, error);

        Assert.Equal(1, exit);
        Assert.Contains($"transcode: {file}: not supported:", error.ToString(), StringComparison.Ordinal);
        Assert.Contains("1.2.840.10008.1.2.4.90", error.ToString(), StringComparison.Ordinal);
        Assert.Contains(DicomTransferSyntax.JPEG2000Lossless.Name, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_syntax_uid_is_a_usage_error()
    {
        using var output = new TempDirectory();
        var error = new StringWriter();

        Assert.Equal(2, TranscodeVerb.Run("1.2.3.4", output.Path, ["x"], TextWriter.Null, error));
        Assert.Contains("unknown transfer syntax UID '1.2.3.4'", error.ToString(), StringComparison.Ordinal);
    }
}
