using Isl.Dicom;
using Isl.PacsAgent.Cli.Dicom;
using Isl.Testing;

namespace Isl.PacsAgent.Tests.Cli.Dicom;

public sealed class DumpVerbTests
{
    [Fact]
    public void Lists_meta_and_dataset_like_dcmdump()
    {
        using var folder = new TempDirectory();
        var file = SampleFiles.Write(folder.Combine("ct.dcm"), SampleFiles.CtSlice(1), DicomTransferSyntax.ExplicitVRLittleEndian);
        var output = new StringWriter();
        var error = new StringWriter();

        var exit = DumpVerb.Run([file], output, error);

        Assert.Equal(0, exit);
        Assert.Equal("", error.ToString());
        var listing = output.ToString();
        Assert.Contains("(0002,0010) UI [1.2.840.10008.1.2.1]", listing, StringComparison.Ordinal);
        Assert.Contains("(0010,0010) PN [Doe^John]", listing, StringComparison.Ordinal);
        Assert.Contains("PatientName", listing, StringComparison.Ordinal);
        Assert.Contains("(7fe0,0010) OW", listing, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void A_bad_file_costs_one_stderr_line_and_the_others_are_still_listed()
    {
        using var folder = new TempDirectory();
        var bad = SampleFiles.WriteGarbage(folder.Combine("bad.dcm"));
        var good = SampleFiles.Write(folder.Combine("good.dcm"), SampleFiles.CtSlice(2), DicomTransferSyntax.ImplicitVRLittleEndian);
        var missing = folder.Combine("missing.dcm");
        var output = new StringWriter();
        var error = new StringWriter();

        var exit = DumpVerb.Run([bad, good, missing], output, error);

        Assert.Equal(1, exit);
        var lines = error.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.StartsWith($"dump: {bad}: not valid DICOM", lines[0], StringComparison.Ordinal);
        Assert.Equal($"dump: {missing}: no such file", lines[1]);
        Assert.Contains($"(2/3): {good}", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("[Doe^John]", output.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, false)]
    [InlineData(4, true)]
    [InlineData(132, false)]
    public void A_file_with_no_data_element_is_not_dicom_and_fails_with_one_line(int length, bool dicmOnly)
    {
        using var folder = new TempDirectory();
        var path = folder.Combine("empty.dcm");
        File.WriteAllBytes(path, dicmOnly ? "DICM"u8.ToArray() : new byte[length]);
        var output = new StringWriter();
        var error = new StringWriter();

        var exit = DumpVerb.Run([path], output, error);

        Assert.Equal(1, exit);
        Assert.Equal("", output.ToString());
        var line = Assert.Single(error.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith($"dump: {path}: not valid DICOM: no DICOM data elements", line, StringComparison.Ordinal);
    }
}
