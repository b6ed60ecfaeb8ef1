namespace Isl.Dicom.Tests;

public class DicomTagTests
{
    [Theory]
    [InlineData("(0010,0010)")]
    [InlineData("00100010")]
    [InlineData("0010,0010")]
    [InlineData(" (0010, 0010) ")]
    public void Parse_accepts_the_usual_notations(string text) => Assert.Equal(DicomTags.PatientName, DicomTag.Parse(text));

    [Theory]
    [InlineData("")]
    [InlineData("(0010)")]
    [InlineData("0010001")]
    [InlineData("(GGGG,0010)")]
    public void Parse_rejects_garbage(string text) => Assert.Throws<FormatException>(() => DicomTag.Parse(text));

    [Fact]
    public void ToString_is_upper_case_group_element() => Assert.Equal("(7FE0,0010)", DicomTags.PixelData.ToString());

    [Fact]
    public void Tags_sort_by_group_then_element()
    {
        var tags = new[] { new DicomTag(0x0010, 0x0001), new DicomTag(0x0008, 0xFFFF), new DicomTag(0x0010, 0x0000) };
        Array.Sort(tags);
        Assert.Equal([new DicomTag(0x0008, 0xFFFF), new DicomTag(0x0010, 0x0000), new DicomTag(0x0010, 0x0001)], tags);
        Assert.True(DicomTags.PatientName < DicomTags.PixelData);
    }

    [Fact]
    public void Private_tags_are_odd_groups_above_0008()
    {
        Assert.True(new DicomTag(0x0009, 0x1001).IsPrivate);
        Assert.True(new DicomTag(0x0029, 0x0010).IsPrivateCreator);
        Assert.False(DicomTags.PatientName.IsPrivate);
        Assert.False(new DicomTag(0x0001, 0x0001).IsPrivate);
        Assert.False(DicomTag.Item.IsPrivate);
    }
}
