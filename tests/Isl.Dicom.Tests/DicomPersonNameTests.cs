namespace Isl.Dicom.Tests;

public class DicomPersonNameTests
{
    [Fact]
    public void Parses_all_components_and_groups()
    {
        var name = DicomPersonName.Parse("Yamada^Tarou^M^Dr.^Jr.=山田^太郎=やまだ^たろう");
        Assert.Equal("Yamada", name.FamilyName);
        Assert.Equal("Tarou", name.GivenName);
        Assert.Equal("M", name.MiddleName);
        Assert.Equal("Dr.", name.Prefix);
        Assert.Equal("Jr.", name.Suffix);
        Assert.Equal("山田^太郎", name.Ideographic);
        Assert.Equal("やまだ^たろう", name.Phonetic);
    }

    [Fact]
    public void Formats_without_trailing_empty_components()
    {
        Assert.Equal("Doe^John", new DicomPersonName("Doe", "John").ToString());
        Assert.Equal("Doe", new DicomPersonName("Doe").ToString());
        Assert.Equal("Doe^^^Dr.", new DicomPersonName("Doe", prefix: "Dr.").ToString());
        Assert.Equal("Dr. John Doe", new DicomPersonName("Doe", "John", prefix: "Dr.").ToDisplayString());
    }

    [Fact]
    public void Round_trips_through_a_dataset()
    {
        var dataset = new DicomDataset().SetPersonName(DicomTags.PatientName, new DicomPersonName("Doe", "Jane"));
        Assert.Equal("Doe^Jane", dataset.GetString(DicomTags.PatientName));
        Assert.Equal("Jane", dataset.GetPersonName(DicomTags.PatientName).GivenName);
    }
}
