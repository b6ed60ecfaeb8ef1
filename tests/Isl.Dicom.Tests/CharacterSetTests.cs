using System.Text;

namespace Isl.Dicom.Tests;

public class CharacterSetTests
{
    [Fact]
    public void Latin1_text_decodes_with_iso_ir_100()
    {
        var dataset = new DicomDataset().Set(DicomTags.SpecificCharacterSet, "ISO_IR 100").Set(DicomTags.PatientName, "Müller^Jürgen");
        Assert.Equal(Encoding.Latin1.GetBytes("Müller^Jürgen "), dataset.GetBytes(DicomTags.PatientName).ToArray());
        Assert.Equal("Müller^Jürgen", dataset.GetString(DicomTags.PatientName));
    }

    [Fact]
    public void Utf8_text_decodes_with_iso_ir_192_also_inside_sequences()
    {
        var item = new DicomDataset();
        var dataset = new DicomDataset().Set(DicomTags.SpecificCharacterSet, "ISO_IR 192").SetSequence(DicomTags.ReferencedPatientSequence, [item]);
        item.Set(DicomTags.PatientName, "Ηλίας^山田");
        Assert.Equal("Ηλίας^山田", item.GetString(DicomTags.PatientName));
        var reread = DicomDatasetReader.Read(DicomDatasetWriter.Encode(dataset, DicomTransferSyntax.ExplicitVRLittleEndian), DicomTransferSyntax.ExplicitVRLittleEndian);
        Assert.Equal("Ηλίας^山田", reread.GetSequence(DicomTags.ReferencedPatientSequence)[0].GetString(DicomTags.PatientName));
    }

    [Fact]
    public void Other_single_byte_sets_decode_through_code_pages()
    {
        var dataset = new DicomDataset().Set(DicomTags.SpecificCharacterSet, "ISO_IR 144");
        dataset.SetBytes(DicomTags.PatientName, DicomVR.PN, new byte[] { 0xBB, 0xEE, 0xDA, 0xE1 }); // "Люкс" in ISO 8859-5
        Assert.Equal("Люкс", dataset.GetString(DicomTags.PatientName));
    }

    [Fact]
    public void Unknown_sets_fall_back_with_a_warning_not_a_crash()
    {
        var warnings = new List<string>();
        var previous = DicomEncodingFallback.Handler;
        DicomEncodingFallback.Handler = warnings.Add;
        try
        {
            var dataset = new DicomDataset().Set(DicomTags.SpecificCharacterSet, "ISO_IR 999");
            dataset.SetBytes(DicomTags.PatientName, DicomVR.PN, new byte[] { (byte)'A', (byte)'b', (byte)'c', 0xE9 });
            Assert.Equal("Abc\u00E9", dataset.GetString(DicomTags.PatientName));
            Assert.Contains(warnings, w => w.Contains("ISO_IR 999", StringComparison.Ordinal));
        }
        finally
        {
            DicomEncodingFallback.Handler = previous;
        }
    }

    [Fact]
    public void Non_ascii_text_without_a_character_set_is_refused_clearly() =>
        Assert.Throws<DicomDataException>(() => new DicomDataset().Set(DicomTags.PatientName, "山田"));
}
