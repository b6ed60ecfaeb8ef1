using Isl.Testing;

namespace Isl.Reports.Tests;

/// <summary>A real PACS (Orthanc) stores the outputs, and a retry with the same inputs adds nothing.</summary>
[Trait("Category", "Integration")]
public class OrthancStorageTests
{
    private static List<string> SaveOutputs(TriageResult result, TempDirectory folder, string prefix)
    {
        var source = TriageFixtures.StudySource();
        var paths = new List<string> { PeerTools.Save(new TriageSrBuilder().Build(result, source), folder, $"{prefix}-sr.dcm") };
        var images = new HeatmapSecondaryCaptureBuilder().Build(result, TriageFixtures.HeatmapSlices(), source);
        paths.AddRange(images.Select((image, i) => PeerTools.Save(image, folder, $"{prefix}-sc{i}.dcm")));
        return paths;
    }

    [Fact]
    public async Task RetriesAreAlreadyStoredAndANewModelVersionAddsNewSeries()
    {
        using var orthanc = await OrthancProcess.StartAsync();
        using var folder = new TempDirectory("isl-reports");
        var first = SaveOutputs(TriageFixtures.Abnormal(), folder, "first");
        var retry = SaveOutputs(TriageFixtures.Abnormal() with { CompletedAt = DateTimeOffset.UtcNow }, folder, "retry");

        foreach (var path in first)
        {
            Assert.Equal("Success", await orthanc.StoreAsync(path));
        }

        foreach (var path in retry)
        {
            Assert.Equal("AlreadyStored", await orthanc.StoreAsync(path));
        }

        Assert.Equal(first.Count, (await orthanc.GetJsonAsync("instances")).GetArrayLength());
        var study = (await orthanc.GetJsonAsync("studies")).EnumerateArray().Single().GetString();
        Assert.Equal(2, (await orthanc.GetJsonAsync($"studies/{study}/series")).GetArrayLength());

        foreach (var path in SaveOutputs(TriageFixtures.Abnormal("2027.1.0"), folder, "next"))
        {
            Assert.Equal("Success", await orthanc.StoreAsync(path));
        }

        Assert.Equal(4, (await orthanc.GetJsonAsync($"studies/{study}/series")).GetArrayLength());
        var tags = await orthanc.GetJsonAsync($"studies/{study}");
        Assert.Equal(TriageFixtures.StudyUid, tags.GetProperty("MainDicomTags").GetProperty("StudyInstanceUID").GetString());
        Assert.Equal("PHANTOM-001", tags.GetProperty("PatientMainDicomTags").GetProperty("PatientID").GetString());
    }
}
