namespace Isl.Dicom.Tests;

public class DicomDatasetAccessorTests
{
    [Fact]
    public void Strings_are_trimmed_split_and_defaulted()
    {
        var dataset = new DicomDataset()
            .Set(DicomTags.ImageType, "ORIGINAL", "PRIMARY", "AXIAL")
            .Set(DicomTags.PatientID, "ABC");
        Assert.Equal("ORIGINAL\\PRIMARY\\AXIAL", dataset.GetString(DicomTags.ImageType));
        Assert.Equal(["ORIGINAL", "PRIMARY", "AXIAL"], dataset.GetStrings(DicomTags.ImageType));
        Assert.Equal(4, dataset.GetBytes(DicomTags.PatientID).Length); // padded to even length
        Assert.Equal("ABC", dataset.GetString(DicomTags.PatientID));
        Assert.Equal("none", dataset.GetStringOrDefault(DicomTags.PatientName, "none"));
        Assert.False(dataset.TryGetString(DicomTags.PatientName, out _));
        Assert.Throws<DicomDataException>(() => dataset.GetString(DicomTags.PatientName));
    }

    [Fact]
    public void Uids_are_padded_with_nul()
    {
        var dataset = new DicomDataset().Set(DicomTags.SOPClassUID, DicomSopClass.CTImageStorage);
        Assert.Equal(0, dataset.GetBytes(DicomTags.SOPClassUID).Span[^1]);
        Assert.Equal(DicomSopClass.CTImageStorage, dataset.GetString(DicomTags.SOPClassUID));
    }

    [Fact]
    public void Numbers_decode_from_binary_and_text_vrs()
    {
        var dataset = new DicomDataset()
            .SetUInt16(DicomTags.Rows, 512)
            .SetInt32(DicomTags.InstanceNumber, 17)
            .SetDouble(DicomTags.ImagePositionPatient, -125.5, 0.25, 1e-7)
            .SetDouble(DicomTags.RescaleIntercept, -1024)
            .SetNumbers(new DicomTag(0x0018, 0x9087), DicomVR.FD, 1000.5);
        Assert.Equal(DicomVR.US, dataset.GetElement(DicomTags.Rows).VR);
        Assert.Equal(512, dataset.GetUInt16(DicomTags.Rows));
        Assert.Equal(512, dataset.GetInt32(DicomTags.Rows));
        Assert.Equal("512", dataset.GetString(DicomTags.Rows));
        Assert.Equal(17, dataset.GetInt32(DicomTags.InstanceNumber));
        Assert.Equal("17", dataset.GetString(DicomTags.InstanceNumber));
        Assert.Equal([-125.5, 0.25, 1e-7], dataset.GetDoubles(DicomTags.ImagePositionPatient));
        Assert.Equal(0.25, dataset.GetDouble(DicomTags.ImagePositionPatient, 1));
        Assert.Equal(-1024, dataset.GetInt32(DicomTags.RescaleIntercept));
        Assert.Equal(1000.5, dataset.GetDouble(new DicomTag(0x0018, 0x9087)));
        Assert.True(dataset.TryGetDouble(DicomTags.RescaleIntercept, out var intercept) && intercept == -1024);
        Assert.False(dataset.TryGetDouble(DicomTags.RescaleSlope, out _));
        Assert.Throws<DicomDataException>(() => dataset.GetDouble(DicomTags.ImagePositionPatient, 3));
    }

    [Fact]
    public void Signed_and_unsigned_binary_values_respect_their_range()
    {
        var dataset = new DicomDataset()
            .SetNumbers(DicomTags.PixelPaddingValue, DicomVR.SS, -2000)
            .SetInt32(DicomTags.Columns, 70000 - 4465);
        Assert.Equal(-2000, dataset.GetInt32(DicomTags.PixelPaddingValue));
        Assert.Throws<DicomDataException>(() => dataset.GetUInt16(DicomTags.PixelPaddingValue));
        Assert.Throws<DicomDataException>(() => new DicomDataset().SetUInt16(DicomTags.InstanceNumber, 1).SetInt32(DicomTags.Rows, -1));
    }

    [Theory]
    [InlineData(0.1, "0.1")]
    [InlineData(-1024.0, "-1024")]
    [InlineData(1.0 / 3.0, "0.33333333333333")]
    [InlineData(-123456.78901234567, "-123456.78901235")]
    [InlineData(1.5e-20, "1.5E-20")]
    [InlineData(123456789012345678.0, "1.2345678901E+17")]
    public void Decimal_strings_fit_16_characters(double value, string expected)
    {
        var dataset = new DicomDataset().SetDouble(DicomTags.SliceThickness, value);
        var text = dataset.GetString(DicomTags.SliceThickness);
        Assert.Equal(expected, text);
        Assert.True(text.Length <= 16);
        Assert.Equal(value, dataset.GetDouble(DicomTags.SliceThickness), Math.Abs(value) * 1e-9);
    }

    [Fact]
    public void Decimal_strings_tolerate_padding_and_signs()
    {
        var dataset = new DicomDataset().Set(DicomTags.PixelSpacing, " +0.48828125 \\ 4.8828125E-1 ");
        Assert.Equal([0.48828125, 0.48828125], dataset.GetDoubles(DicomTags.PixelSpacing));
        dataset.Set(DicomTags.InstanceNumber, " 12 ");
        Assert.Equal(12, dataset.GetInt32(DicomTags.InstanceNumber));
        Assert.Throws<DicomDataException>(() => new DicomDataset().SetDouble(DicomTags.SliceThickness, double.NaN));
        Assert.Throws<DicomDataException>(() => new DicomDataset().Set(DicomTags.SliceThickness, "abc").GetDouble(DicomTags.SliceThickness));
    }

    [Fact]
    public void Dates_and_times_parse_and_format()
    {
        var dataset = new DicomDataset()
            .SetDate(DicomTags.StudyDate, new DateOnly(2024, 2, 29))
            .SetTime(DicomTags.StudyTime, new TimeOnly(13, 5, 9, 250))
            .Set(DicomTags.SeriesDate, "1999.12.31")
            .Set(DicomTags.SeriesTime, "07:08")
            .Set(DicomTags.AcquisitionDateTime, "20240229130509.5+0100");
        Assert.Equal("20240229", dataset.GetString(DicomTags.StudyDate));
        Assert.Equal("130509.250000", dataset.GetString(DicomTags.StudyTime));
        Assert.Equal(new DateOnly(2024, 2, 29), dataset.GetDate(DicomTags.StudyDate));
        Assert.Equal(new TimeOnly(13, 5, 9, 250), dataset.GetTime(DicomTags.StudyTime));
        Assert.Equal(new DateOnly(1999, 12, 31), dataset.GetDate(DicomTags.SeriesDate));
        Assert.Equal(new TimeOnly(7, 8), dataset.GetTime(DicomTags.SeriesTime));
        Assert.Equal(new DateTime(2024, 2, 29, 13, 5, 9, 500), dataset.GetDateTime(DicomTags.AcquisitionDateTime));
        Assert.Equal(new DateTime(2024, 2, 29, 13, 5, 9, 250), dataset.GetDateTime(DicomTags.StudyDate, DicomTags.StudyTime));
        dataset.Set(DicomTags.ContentDate, "20241301");
        Assert.Throws<DicomDataException>(() => dataset.GetDate(DicomTags.ContentDate));
    }

    [Fact]
    public void Sequences_nest_and_clone_deeply()
    {
        var item = new DicomDataset().Set(DicomTags.ReferencedSOPInstanceUID, "1.2.3");
        var dataset = new DicomDataset().SetSequence(DicomTags.ReferencedImageSequence, [item]);
        var items = dataset.GetSequence(DicomTags.ReferencedImageSequence);
        Assert.Single(items);
        Assert.Equal("1.2.3", items[0].GetString(DicomTags.ReferencedSOPInstanceUID));

        var clone = dataset.Clone();
        clone.GetSequence(DicomTags.ReferencedImageSequence)[0].Set(DicomTags.ReferencedSOPInstanceUID, "9.9");
        Assert.Equal("1.2.3", items[0].GetString(DicomTags.ReferencedSOPInstanceUID));
        Assert.False(dataset.TryGetSequence(DicomTags.PatientName, out _));
        Assert.Throws<DicomDataException>(() => dataset.GetSequence(DicomTags.PatientName));
    }

    [Fact]
    public void Elements_stay_ordered_and_replace_by_tag()
    {
        var dataset = new DicomDataset()
            .Set(DicomTags.PatientName, "B")
            .Set(DicomTags.Modality, "CT")
            .Set(DicomTags.PatientName, "A")
            .Set(new DicomTag(0x0009, 0x0010), DicomVR.LO, "ACME");
        Assert.Equal([DicomTags.Modality, new DicomTag(0x0009, 0x0010), DicomTags.PatientName], dataset.Select(e => e.Tag));
        Assert.Equal("A", dataset.GetString(DicomTags.PatientName));
        Assert.True(dataset.Remove(DicomTags.Modality));
        Assert.False(dataset.Contains(DicomTags.Modality));
        Assert.Equal(2, dataset.Count);
    }

    [Fact]
    public void Attribute_tags_and_unknown_tags()
    {
        var dataset = new DicomDataset().Set(DicomTags.FrameIncrementPointer, "(0018,1063)");
        Assert.Equal("(0018,1063)", dataset.GetString(DicomTags.FrameIncrementPointer));
        Assert.Throws<DicomDataException>(() => dataset.Set(new DicomTag(0x0009, 0x1001), "x"));
    }

    [Fact]
    public void Fragments_are_exposed_for_encapsulated_pixel_data()
    {
        var fragments = new DicomFragmentSequence([0u], [new byte[] { 1, 2, 3, 4 }]);
        var dataset = new DicomDataset().SetFragments(DicomTags.PixelData, DicomVR.OB, fragments);
        Assert.Same(fragments, dataset.GetFragments(DicomTags.PixelData));
        Assert.Null(dataset.GetFragments(DicomTags.Rows));
        Assert.False(dataset.TryGetBytes(DicomTags.PixelData, out _));
    }

    [Fact]
    public void Standard_tags_stored_as_UN_decode_with_their_dictionary_vr()
    {
        var dataset = new DicomDataset()
            .SetBytes(DicomTags.Rows, DicomVR.UN, new byte[] { 0x00, 0x02 })
            .SetBytes(DicomTags.PatientName, DicomVR.UN, "Doe^J "u8.ToArray());
        Assert.Equal(512, dataset.GetUInt16(DicomTags.Rows));
        Assert.Equal("Doe^J", dataset.GetString(DicomTags.PatientName));
    }
}
