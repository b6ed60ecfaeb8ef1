using System.Globalization;
using System.Text.Json;
using Isl.Dicom;
using Isl.PacsAgent.Tests.EndToEnd;
using Isl.PacsAgent.Tests.TestSupport;
using Isl.Testing;

namespace Isl.PacsAgent.Tests.Deployment;

/// <summary>
/// A published agent runs from anywhere: the <c>dotnet publish</c> output, started from an unrelated folder with only
/// ports and paths set (environment variables), loads the shipped model beside itself (the default
/// <c>Scoring:BundlePath</c> <c>samples/models/head-ct</c>), accepts dcmtk's storescu under the shipped allow-list and
/// scores a phantom study into a triage SR.
/// </summary>
[Trait("Category", "Integration")]
[Collection(ModelScoringCollection.Name)]
public sealed class PublishedAgentTests(PublishedAgent publishedAgent) : IClassFixture<PublishedAgent>
{
    [Fact]
    public async Task ThePublishedFolderStartedElsewhereScoresAStudyWithTheShippedModel()
    {
        var published = publishedAgent.Folder;
        Assert.True(File.Exists(Path.Combine(published, "samples", "models", "head-ct", "manifest.json")), $"dotnet publish did not carry the shipped bundle into {published}");
        using var temp = new TempDirectory("isl-published-run");
        var elsewhere = temp.Combine("elsewhere");
        Directory.CreateDirectory(elsewhere);
        // The shipped configuration's MinSlices (16) holds, so the study has 16 slices.
        var study = PhantomFiles.Write(PhantomFiles.Normal(303, 16), temp.Combine("study"));

        var dicomPort = FreePort.Next();
        var httpPort = FreePort.Next();
        var data = temp.Combine("data");
        var environment = new Dictionary<string, string>
        {
            ["ISL_AGENT_Dicom__Port"] = dicomPort.ToString(CultureInfo.InvariantCulture),
            ["ISL_AGENT_Dicom__BindAddress"] = "127.0.0.1",
            ["ISL_AGENT_Http__Port"] = httpPort.ToString(CultureInfo.InvariantCulture),
            ["ISL_AGENT_Storage__SpoolPath"] = Path.Combine(data, "spool"),
            ["ISL_AGENT_Storage__DatabasePath"] = Path.Combine(data, "agent.db"),
            ["ISL_AGENT_Storage__SchedulerDatabasePath"] = Path.Combine(data, "scheduler.db"),
            ["ISL_AGENT_Storage__OutputPath"] = Path.Combine(data, "outputs"),
            // Timing only, so the test does not wait the shipped 30 s: it does not bear on where the model is found.
            ["ISL_AGENT_Assembly__StableAgeSeconds"] = "2",
        };
        using var agent = await AgentProcess.StartAsync(Path.Combine(published, "isl-agent.dll"), elsewhere, environment, httpPort);

        using var health = JsonDocument.Parse(await agent.Http.GetStringAsync(new Uri("health", UriKind.Relative)));
        using var manifest = JsonDocument.Parse(await File.ReadAllTextAsync(RepositoryRoot.Combine("samples", "models", "head-ct", "manifest.json")));
        var shippedId = manifest.RootElement.GetProperty("modelId").GetString();
        Assert.Equal(shippedId, health.RootElement.GetProperty("model").GetProperty("id").GetString());
        await AgentFixture.WaitForAsync(() => agent.Log.Contains("isl-agent started", StringComparison.Ordinal), TimeSpan.FromSeconds(10), "the start log", () => agent.Log);
        Assert.Contains($"loaded from {Path.Combine(published, "samples", "models", "head-ct")}", agent.Log, StringComparison.Ordinal);

        PeerChecks.StoreScu(dicomPort, temp.Combine("study")); // calling AE STORESCU from 127.0.0.1: on the shipped allow-list
        var record = await agent.WaitForStateAsync(study, "Done", TimeSpan.FromMinutes(3));

        var triage = record.GetProperty("triage");
        Assert.Equal(16, triage.GetProperty("slicesScored").GetInt32() + triage.GetProperty("slicesNotScored").GetInt32());
        var outputs = Directory.GetFiles(Path.Combine(data, "outputs", study), "*.dcm", SearchOption.AllDirectories);
        var sr = Assert.Single(outputs, f => DicomFile.Open(f).Dataset.GetString(DicomTags.Modality) == "SR");
        Dciodvfy.AssertClean(sr);
        var content = TriageSrContent.Read(DicomFile.Open(sr).Dataset);
        Assert.Equal(triage.GetProperty("score").GetDouble(), content.AnomalyScore!.Value, 4);
        Assert.Empty(Directory.GetFileSystemEntries(elsewhere)); // nothing written to the working folder
    }
}
