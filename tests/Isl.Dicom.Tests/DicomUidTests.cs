namespace Isl.Dicom.Tests;

public class DicomUidTests
{
    [Fact]
    public void Generated_uids_are_valid_unique_and_uuid_derived()
    {
        var uids = Enumerable.Range(0, 1000).Select(_ => DicomUid.Generate()).ToList();
        Assert.All(uids, u => Assert.True(DicomUid.IsValid(u), u));
        Assert.All(uids, u => Assert.StartsWith("2.25.", u));
        Assert.Equal(uids.Count, uids.Distinct().Count());
    }

    [Fact]
    public void FromName_is_deterministic_and_separates_parts()
    {
        var a = DicomUid.FromName("study", "1.2.3");
        Assert.Equal(a, DicomUid.FromName("study", "1.2.3"));
        Assert.NotEqual(a, DicomUid.FromName("study1", ".2.3"));
        Assert.NotEqual(a, DicomUid.FromName("study", "1.2.4"));
        Assert.True(DicomUid.IsValid(a));
        Assert.True(a.Length <= 64);
    }

    [Fact]
    public void FromUuid_matches_the_standard_example() =>
        // PS3.5 B.2: f81d4fae-7dec-11d0-a765-00a0c91e6bf6
        Assert.Equal("2.25.329800735698586629295641978511506172918", DicomUid.FromUuid(Guid.Parse("f81d4fae-7dec-11d0-a765-00a0c91e6bf6")));

    [Theory]
    [InlineData("1.2.840.10008.1.2", true)]
    [InlineData("0.0", true)]
    [InlineData("1.02.3", false)]
    [InlineData("1..3", false)]
    [InlineData("1.2.", false)]
    [InlineData("1", false)]
    [InlineData("1.2.a", false)]
    [InlineData("", false)]
    public void IsValid_follows_the_uid_rules(string uid, bool valid) => Assert.Equal(valid, DicomUid.IsValid(uid));

    [Fact]
    public void IsValid_rejects_more_than_64_characters() => Assert.False(DicomUid.IsValid("1." + new string('1', 63)));
}
