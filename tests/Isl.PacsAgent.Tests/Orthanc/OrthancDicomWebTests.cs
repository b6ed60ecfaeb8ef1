using System.Text.Json;
using Isl.Dicom;
using Isl.PacsAgent.Delivery;
using Isl.PacsAgent.DicomWeb;
using Isl.PacsAgent.Orthanc;
using Isl.PacsAgent.Storage;
using Isl.PacsAgent.Tests.TestSupport;
using Isl.Testing;
using Refit;

namespace Isl.PacsAgent.Tests.Orthanc;

[Trait("Category", "Integration")]
public sealed class OrthancDicomWebTests
{
    [Fact]
    public async Task StowThenWadoRoundTripsEveryInstanceInExplicitLittleEndian()
    {
        using var orthanc = await PacsOrthanc.StartAsync();
        using var temp = new TempDirectory("isl-stow");
        var study = new CtStudyBuilder();
        var files = CtStudyBuilder.Save(study.Series(slices: 6), temp.Path);
        using var http = orthanc.DicomWeb();
        var client = new DicomWebClient(http);

        await client.StoreAsync(files);
        await client.StoreAsync(files);

        var retrieved = new List<DicomFile>();
        await foreach (var bytes in client.RetrieveStudyAsync(study.StudyInstanceUid))
        {
            retrieved.Add(DicomFile.Read(new MemoryStream(bytes)));
        }

        Assert.Equal(
            files.Select(f => DicomFile.Open(f).Dataset.GetString(DicomTags.SOPInstanceUID)).Order(),
            retrieved.Select(f => f.Dataset.GetString(DicomTags.SOPInstanceUID)).Order());
        Assert.All(retrieved, f => Assert.Equal(DicomTransferSyntax.ExplicitVRLittleEndian.Uid, f.TransferSyntax.Uid));
        Assert.All(retrieved, f => Assert.Equal(16 * 16 * 2, f.Dataset.GetBytes(DicomTags.PixelData).Length));
        var series = Assert.Single(await client.SearchSeriesAsync(study.StudyInstanceUid));
        Assert.Equal("CT", series.GetProperty("00080060").GetProperty("Value")[0].GetString());
    }

    [Fact]
    public async Task StowOfAFileOrthancRejectsIsAClearError()
    {
        using var orthanc = await PacsOrthanc.StartAsync();
        using var temp = new TempDirectory("isl-stow-bad");
        var junk = temp.Combine("junk.dcm");
        await File.WriteAllBytesAsync(junk, new byte[300]);
        using var http = orthanc.DicomWeb();

        var ex = await Assert.ThrowsAnyAsync<DicomWebException>(() => new DicomWebClient(http).StoreAsync([junk]));
        Assert.Contains("STOW-RS", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OrthancRestDestinationUploadsIdempotentlyAndSetsTheTriageMetadata()
    {
        using var orthanc = await PacsOrthanc.StartAsync();
        using var temp = new TempDirectory("isl-rest");
        var study = new CtStudyBuilder();
        var files = CtStudyBuilder.Save(study.Series(slices: 3), temp.Path);
        using var http = orthanc.Rest();
        var api = RestService.For<IOrthancApi>(http);
        var destination = new OrthancRestDestination("orthanc", api, PacsOrthanc.MetadataName);
        var triage = new StudyTriage("1.2", 0.91234, 0.5, "1.0.0", "h", DateTimeOffset.UtcNow, 2);
        var package = new DeliveryPackage(new StudyRecord { StudyInstanceUid = study.StudyInstanceUid, State = StudyState.Delivering }, 1, triage, files);

        await destination.DeliverAsync(package, CancellationToken.None);
        await destination.DeliverAsync(package, CancellationToken.None);

        var lookup = Assert.Single(await api.LookupAsync(study.StudyInstanceUid, CancellationToken.None));
        Assert.Equal("Study", lookup.Type);
        Assert.Equal("ABNORMAL score=0.9123 threshold=0.5000 model=1.0.0", await api.GetStudyMetadataAsync(lookup.ID, PacsOrthanc.MetadataName, CancellationToken.None));
        var instances = JsonDocument.Parse(await http.GetStringAsync($"studies/{lookup.ID}/instances")).RootElement;
        Assert.Equal(3, instances.GetArrayLength());
    }

    [Fact]
    public async Task OrthancRestDestinationFailsClearlyWhenTheStudyIsAbsentOrOrthancIsDown()
    {
        using var orthanc = await PacsOrthanc.StartAsync();
        using var http = orthanc.Rest();
        var destination = new OrthancRestDestination("orthanc", RestService.For<IOrthancApi>(http), PacsOrthanc.MetadataName);
        var triage = new StudyTriage("1.2", 0.1, 0.5, "1.0.0", "h", DateTimeOffset.UtcNow, 2);
        var package = new DeliveryPackage(new StudyRecord { StudyInstanceUid = "1.2.3.999", State = StudyState.Delivering }, 1, triage, []);

        var absent = await Assert.ThrowsAsync<DeliveryFailedException>(() => destination.DeliverAsync(package, CancellationToken.None));
        Assert.Contains("has no study 1.2.3.999", absent.Message, StringComparison.Ordinal);

        using var down = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{FreePort.Next()}/") };
        var unreachable = new OrthancRestDestination("down", RestService.For<IOrthancApi>(down), PacsOrthanc.MetadataName);
        var ex = await Assert.ThrowsAsync<DeliveryFailedException>(() => unreachable.DeliverAsync(package, CancellationToken.None));
        Assert.Contains("unreachable", ex.Message, StringComparison.Ordinal);
    }
}
