using Isl.Testing;

namespace Isl.Dicom.Network.Tests.Integration;

[Trait("Category", "Integration")]
public sealed class StorescuToScpTests
{
    [Fact]
    public async Task Echoscu_gets_success()
    {
        await using var scp = new ScpHost();
        var result = ExternalTool.Run("echoscu", ["-aec", "ISL-TEST", "127.0.0.1", scp.Port.ToString()]);
        Assert.True(result.ExitCode == 0, result.Output);
    }

    [Fact]
    public async Task Ge_series_arrives_byte_equal_outside_the_meta_and_is_indexed()
    {
        await using var scp = new ScpHost();
        var result = ExternalTool.Run("storescu", ["-aec", "ISL-TEST", "127.0.0.1", scp.Port.ToString(), .. SharedData.GeHeadCtFiles()]);
        Assert.True(result.ExitCode == 0, result.Output);

        foreach (var original in SharedData.GeHeadCtFiles())
        {
            var sop = DicomFile.Open(original).Dataset.GetString(DicomTags.SOPInstanceUID);
            var indexed = scp.Find(sop);
            Assert.NotNull(indexed);
            Assert.Equal("STORESCU", indexed.CallingAeTitle);
            Assert.Equal(DicomFiles.DatasetBytes(original), DicomFiles.DatasetBytes(indexed.Path));
            var stored = DicomFile.Open(indexed.Path);
            Assert.Equal(sop, stored.FileMetaInformation.GetString(DicomTags.MediaStorageSOPInstanceUID));
            Assert.Equal(DicomTransferSyntax.ExplicitVRLittleEndian, stored.TransferSyntax);
        }

        var study = scp.Find(DicomFile.Open(SharedData.GeHeadCtFiles()[0]).Dataset.GetString(DicomTags.SOPInstanceUID))!.StudyInstanceUid;
        Assert.Equal(28, scp.Stored.Values.Count(i => i.StudyInstanceUid == study));
        Assert.Empty(Directory.GetFiles(Path.Combine(scp.SpoolRoot, ".incoming")));
    }

    [Fact]
    public async Task A_study_folder_removed_from_the_running_spool_is_created_again_by_the_next_store()
    {
        await using var scp = new ScpHost();
        var files = SharedData.GeHeadCtFiles();
        var first = ExternalTool.Run("storescu", ["-aec", "ISL-TEST", "127.0.0.1", scp.Port.ToString(), files[0]]);
        Assert.True(first.ExitCode == 0, first.Output);
        var studyFolder = Path.GetDirectoryName(Path.GetDirectoryName(scp.StoredFiles().Single()))!;
        Directory.Delete(studyFolder, recursive: true);

        var second = ExternalTool.Run("storescu", ["-aec", "ISL-TEST", "127.0.0.1", scp.Port.ToString(), files[1], files[2]]);

        Assert.True(second.ExitCode == 0, second.Output);
        Assert.DoesNotContain("0xa700", second.Output, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(2, Directory.GetFiles(studyFolder, "*.dcm", SearchOption.AllDirectories).Length);
    }

    [Theory]
    [InlineData(4096)]
    [InlineData(16384)]
    [InlineData(131072)]
    public async Task Any_max_pdu_from_4k_to_128k_gives_the_same_bytes(int maxPdu)
    {
        await using var scp = new ScpHost(o => o.MaxPduLength = maxPdu);
        var files = SharedData.GeHeadCtFiles()[..6];
        var result = ExternalTool.Run("storescu", ["-aec", "ISL-TEST", "--max-pdu", maxPdu.ToString(), "127.0.0.1", scp.Port.ToString(), .. files]);
        Assert.True(result.ExitCode == 0, result.Output);
        foreach (var original in files)
        {
            var sop = DicomFile.Open(original).Dataset.GetString(DicomTags.SOPInstanceUID);
            Assert.Equal(DicomFiles.DatasetBytes(original), DicomFiles.DatasetBytes(scp.Find(sop)!.Path));
        }
    }

    [Fact]
    public async Task Scanned_directory_and_implicit_only_proposal_arrive_dcmdump_equal()
    {
        using var input = new TempDirectory();
        var files = DicomFiles.GeCopies(input.Combine("series"), 8);
        await using var scp = new ScpHost();
        var result = ExternalTool.Run("storescu", ["-aec", "ISL-TEST", "-xi", "+sd", "+r", "127.0.0.1", scp.Port.ToString(), input.Path]);
        Assert.True(result.ExitCode == 0, result.Output);
        foreach (var original in files)
        {
            var sop = DicomFile.Open(original).Dataset.GetString(DicomTags.SOPInstanceUID);
            var stored = scp.Find(sop)!.Path;
            Assert.Equal(DicomTransferSyntax.ImplicitVRLittleEndian, DicomFile.Open(stored).TransferSyntax);
            Assert.Null(DicomFiles.DifferenceOutsideMeta(original, stored));
        }
    }

    [Fact]
    public async Task Concurrent_storescu_processes_all_succeed_and_duplicates_are_idempotent()
    {
        await using var scp = new ScpHost();
        var files = SharedData.GeHeadCtFiles()[..10];
        var runs = Enumerable.Range(0, 4)
            .Select(_ => Task.Run(() => ExternalTool.Run("storescu", ["-aec", "ISL-TEST", "127.0.0.1", scp.Port.ToString(), .. files])))
            .ToArray();
        foreach (var run in runs)
        {
            var result = await run;
            Assert.True(result.ExitCode == 0, result.Output);
        }

        Assert.Equal(10, scp.StoredFiles().Length);
        Assert.Equal(10, scp.Stored.Count);
        foreach (var original in files)
        {
            var sop = DicomFile.Open(original).Dataset.GetString(DicomTags.SOPInstanceUID);
            Assert.Equal(DicomFiles.DatasetBytes(original), DicomFiles.DatasetBytes(scp.Find(sop)!.Path));
        }
    }
}
