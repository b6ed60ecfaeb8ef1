namespace Isl.Dicom.Tests;

public class DicomVRInfoTests
{
    [Fact]
    public void Every_vr_round_trips_through_its_code()
    {
        foreach (var vr in Enum.GetValues<DicomVR>().Where(v => v != DicomVR.None))
        {
            var code = DicomVRInfo.Code(vr);
            Assert.True(DicomVRInfo.TryParse((byte)code[0], (byte)code[1], out var parsed));
            Assert.Equal(vr, parsed);
        }
    }

    [Fact]
    public void Long_length_vrs_are_the_standard_ones()
    {
        var longOnes = Enum.GetValues<DicomVR>().Where(DicomVRInfo.HasLongLength).ToHashSet();
        Assert.Equal(new HashSet<DicomVR> { DicomVR.OB, DicomVR.OD, DicomVR.OF, DicomVR.OL, DicomVR.OV, DicomVR.OW, DicomVR.SQ, DicomVR.SV, DicomVR.UC, DicomVR.UN, DicomVR.UR, DicomVR.UT, DicomVR.UV }, longOnes);
    }

    [Fact]
    public void Unknown_codes_are_rejected()
    {
        Assert.False(DicomVRInfo.TryParse((byte)'Z', (byte)'Z', out _));
        Assert.False(DicomVRInfo.TryParse(0x12, 0x00, out _));
    }
}
