using Isl.Dicom;
using Isl.PacsAgent.Demo;
using Isl.PacsAgent.Tests.EndToEnd;
using Isl.Testing;
using Xunit;

namespace Isl.PacsAgent.Tests.Demo;

[Collection(ModelScoringCollection.Name)]
public sealed class DemoRunnerTests
{
    [Fact]
    [Trait("Category", "Integration")]
    public async Task Demo_scores_both_studies_and_writes_results_and_montages()
    {
        using var temp = new TempDirectory();
        var output = new StringWriter();

        var results = await DemoRunner.RunAsync(temp.Path, output, TimeSpan.FromSeconds(90), CancellationToken.None);

        Assert.Equal(["normal", "abnormal"], results.Select(r => r.Label));
        foreach (var result in results)
        {
            Assert.True(double.IsFinite(result.Score) && result.Threshold > 0, output.ToString());
            Assert.Equal(result.Score >= result.Threshold ? "ABNORMAL" : "NORMAL", result.Flag);
            var sr = result.ResultFiles.Where(f => f.Contains($"{Path.DirectorySeparatorChar}sr{Path.DirectorySeparatorChar}", StringComparison.Ordinal)).ToList();
            var sc = result.ResultFiles.Where(f => f.Contains($"{Path.DirectorySeparatorChar}sc{Path.DirectorySeparatorChar}", StringComparison.Ordinal)).ToList();
            Assert.Single(sr);
            Assert.NotEmpty(sc);
            Assert.Equal("1.2.840.10008.5.1.4.1.1.88.34", DicomFile.Open(sr[0]).Dataset.GetString(DicomTags.SOPClassUID));
            Assert.Equal(result.StudyInstanceUid, DicomFile.Open(sc[0]).Dataset.GetString(DicomTags.StudyInstanceUID));
            Assert.NotNull(result.MontagePath);
            var png = await File.ReadAllBytesAsync(result.MontagePath);
            Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, png[..4]);
        }

        Assert.Contains("threshold", output.ToString(), StringComparison.Ordinal);
        Assert.Equal(["NORMAL", "ABNORMAL"], results.Select(r => r.Flag));
        Assert.True(results[1].Score > results[0].Score, output.ToString());
    }
}
