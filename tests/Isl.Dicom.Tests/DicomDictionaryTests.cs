namespace Isl.Dicom.Tests;

public class DicomDictionaryTests
{
    [Fact]
    public void Standard_entries_have_vr_vm_keyword_and_name()
    {
        Assert.True(DicomDictionary.Default.TryGetEntry(DicomTags.PatientName, out var entry));
        Assert.Equal(DicomVR.PN, entry.VR);
        Assert.Equal("1", entry.VM);
        Assert.Equal("PatientName", entry.Keyword);
        Assert.Equal("Patient Name", entry.Name);
        Assert.False(entry.IsRetired);
    }

    [Fact]
    public void Generated_constants_match_the_standard()
    {
        Assert.Equal(new DicomTag(0x7FE0, 0x0010), DicomTags.PixelData);
        Assert.Equal(new DicomTag(0x0008, 0x0018), DicomTags.SOPInstanceUID);
        Assert.Equal(new DicomTag(0x0028, 0x1053), DicomTags.RescaleSlope);
        Assert.Equal(new DicomTag(0x0002, 0x0010), DicomTags.TransferSyntaxUID);
    }

    [Fact]
    public void Repeating_groups_resolve_for_every_even_group()
    {
        Assert.True(DicomDictionary.Default.TryGetEntry(new DicomTag(0x6002, 0x3000), out var overlay));
        Assert.Equal("OverlayData", overlay.Keyword);
        Assert.True(overlay.HasAmbiguousVR);
        Assert.False(DicomDictionary.Default.TryGetEntry(new DicomTag(0x6001, 0x3000), out _));
    }

    [Fact]
    public void Ambiguous_and_special_vrs_map_to_a_usable_default()
    {
        Assert.Equal(DicomVR.OW, DicomDictionary.Default.GetVR(DicomTags.PixelData));
        Assert.Equal(DicomVR.US, DicomDictionary.Default.GetVR(DicomTags.SmallestImagePixelValue));
        Assert.Equal(DicomVR.UL, DicomDictionary.Default.GetVR(new DicomTag(0x0009, 0x0000)));
        Assert.Equal(DicomVR.LO, DicomDictionary.Default.GetVR(new DicomTag(0x0009, 0x0010)));
        Assert.Equal(DicomVR.UN, DicomDictionary.Default.GetVR(new DicomTag(0x0009, 0x1010)));
    }

    [Fact]
    public void Keywords_look_up_entries() =>
        Assert.True(DicomDictionary.Default.TryGetEntry("StudyInstanceUID", out var e) && e.Tag == DicomTags.StudyInstanceUID);
}
