using Isl.Testing;

namespace Isl.Dicom.Tests.Peers;

/// <summary>A CT image written from scratch passes dicom3tools' IOD verifier without errors.</summary>
[Trait("Category", "Integration")]
public class DciodvfyTests
{
    [Theory]
    [InlineData("1.2.840.10008.1.2")]
    [InlineData("1.2.840.10008.1.2.1")]
    [InlineData("1.2.840.10008.1.2.2")]
    public void A_ct_image_written_from_scratch_verifies_without_errors(string syntaxUid)
    {
        using var temp = new TempDirectory("isl-iod");
        var path = temp.Combine("ct.dcm");
        new DicomFile(ScratchCtImage.Create(), DicomTransferSyntax.Lookup(syntaxUid)).Save(path);
        var result = ExternalTool.Run("dciodvfy", [path]);
        var errors = result.Output.Split('\n').Where(l => l.StartsWith("Error", StringComparison.Ordinal)).ToList();
        Assert.True(errors.Count == 0, result.Output);
        Assert.Contains("CTImage", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Deflated_and_big_endian_files_list_the_same_as_explicit_little_endian_under_dcmdump()
    {
        // dciodvfy cannot read deflated files; dcmtk can, so the encodings are compared through dcmdump.
        using var temp = new TempDirectory("isl-deflate");
        var listings = new List<List<string>>();
        foreach (var syntax in new[] { DicomTransferSyntax.ExplicitVRLittleEndian, DicomTransferSyntax.DeflatedExplicitVRLittleEndian, DicomTransferSyntax.ExplicitVRBigEndian, DicomTransferSyntax.ImplicitVRLittleEndian })
        {
            var path = temp.Combine(syntax.Uid + ".dcm");
            new DicomFile(ScratchCtImage.Create(), syntax).Save(path);
            var (exit, lines) = RoundTrip.DcmdumpListing.Of(path);
            Assert.Equal(0, exit);
            listings.Add(lines);
        }

        Assert.All(listings.Skip(1), l => Assert.Equal(listings[0], l));
        Assert.True(new FileInfo(temp.Combine(DicomTransferSyntax.DeflatedExplicitVRLittleEndian.Uid + ".dcm")).Length < new FileInfo(temp.Combine(DicomTransferSyntax.ExplicitVRLittleEndian.Uid + ".dcm")).Length / 2);
    }
}
