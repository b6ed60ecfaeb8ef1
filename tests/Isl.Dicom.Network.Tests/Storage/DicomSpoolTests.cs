using Isl.Dicom.Network.Client;
using Isl.Dicom.Network.Storage;
using Isl.Testing;

namespace Isl.Dicom.Network.Tests.Storage;

public sealed class DicomSpoolTests
{
    [Fact]
    public async Task Commit_writes_meta_plus_the_received_bytes_unchanged_and_hands_over_the_parsed_data_set()
    {
        using var directory = new TempDirectory();
        var spool = new DicomSpool(directory.Combine("spool"));
        var original = SharedData.GeHeadCtFiles()[0];
        var bytes = File.ReadAllBytes(original)[(int)Part10Layout.DatasetOffset(original)..];
        var file = DicomFile.Open(original);

        using var incoming = spool.Begin(file.Dataset.GetString(DicomTags.SOPClassUID), file.Dataset.GetString(DicomTags.SOPInstanceUID), DicomTransferSyntax.ExplicitVRLittleEndian.Uid, "CT1");
        foreach (var chunk in bytes.Chunk(5000))
        {
            incoming.Write(chunk);
        }

        var stored = await incoming.CommitAsync();
        Assert.Equal(spool.PathOf(file.Dataset.GetString(DicomTags.StudyInstanceUID), file.Dataset.GetString(DicomTags.SeriesInstanceUID), stored.SopInstanceUid), stored.Path);
        Assert.Equal(bytes, File.ReadAllBytes(stored.Path)[(int)Part10Layout.DatasetOffset(stored.Path)..]);
        Assert.Equal("CT1", DicomFile.Open(stored.Path).FileMetaInformation.GetString(DicomTags.SourceApplicationEntityTitle));
        Assert.Equal(file.Dataset.GetString(DicomTags.StudyInstanceUID), stored.StudyInstanceUid);
        Assert.Equal(file.Dataset.GetString(DicomTags.SeriesInstanceUID), stored.Dataset.GetString(DicomTags.SeriesInstanceUID));
        Assert.Equal(file.Dataset.GetBytes(DicomTags.PixelData).ToArray(), stored.Dataset.GetBytes(DicomTags.PixelData).ToArray());
        Assert.Empty(Directory.GetFiles(Path.Combine(spool.Root, ".incoming")));
    }

    [Fact]
    public async Task Receive_buffers_are_reused_only_after_the_instance_is_disposed_and_every_file_keeps_its_own_bytes()
    {
        using var directory = new TempDirectory();
        var spool = new DicomSpool(directory.Combine("spool"));
        var originals = SharedData.GeHeadCtFiles().Take(3).ToList();
        var stored = new List<(string Path, byte[] Bytes, byte[] Pixels)>();
        foreach (var original in originals)
        {
            var bytes = File.ReadAllBytes(original)[(int)Part10Layout.DatasetOffset(original)..];
            var file = DicomFile.Open(original);
            using var incoming = spool.Begin(file.Dataset.GetString(DicomTags.SOPClassUID), file.Dataset.GetString(DicomTags.SOPInstanceUID), DicomTransferSyntax.ExplicitVRLittleEndian.Uid, "CT1");
            // One fragment larger than twice the starting buffer, then small ones: the buffer grows to fit either way.
            incoming.Write(bytes.AsSpan(0, bytes.Length / 2));
            foreach (var chunk in bytes[(bytes.Length / 2)..].Chunk(16_372))
            {
                incoming.Write(chunk);
            }

            var instance = await incoming.CommitAsync();
            // Valid until disposed: the data set parsed in place carries this instance's pixels.
            Assert.Equal(file.Dataset.GetBytes(DicomTags.PixelData).ToArray(), instance.Dataset.GetBytes(DicomTags.PixelData).ToArray());
            stored.Add((instance.Path, bytes, file.Dataset.GetBytes(DicomTags.PixelData).ToArray()));
        }

        // Each later instance reused a pooled buffer; none of that reached an earlier file.
        Assert.Equal(3, stored.Select(s => s.Path).Distinct().Count());
        foreach (var (path, bytes, pixels) in stored)
        {
            Assert.Equal(bytes, File.ReadAllBytes(path)[(int)Part10Layout.DatasetOffset(path)..]);
            Assert.Equal(pixels, DicomFile.Open(path).Dataset.GetBytes(DicomTags.PixelData).ToArray());
        }
    }

    [Fact]
    public void Unparseable_data_sets_are_discarded_and_reported()
    {
        using var directory = new TempDirectory();
        var spool = new DicomSpool(directory.Path);
        using var incoming = spool.Begin("1.2.840.10008.5.1.4.1.1.2", "1.2.3", DicomTransferSyntax.ExplicitVRLittleEndian.Uid, "CT1");
        incoming.Write([0x08, 0x00, 0x18, 0x00, (byte)'U', (byte)'I', 0xFF, 0x7F, 1, 2]);
        var rejected = Assert.Throws<InstanceRejectedException>(() => incoming.CommitAsync().GetAwaiter().GetResult());
        Assert.Equal(Isl.Dicom.Network.Dimse.DimseStatus.CannotUnderstand, rejected.Status);
        Assert.Empty(Directory.GetFiles(directory.Path, "*", SearchOption.AllDirectories));
    }

    [Fact]
    public void Hostile_uids_never_leave_the_spool_and_stale_partial_files_are_discarded()
    {
        using var directory = new TempDirectory();
        var incoming = Directory.CreateDirectory(Path.Combine(directory.Path, ".incoming"));
        File.WriteAllText(Path.Combine(incoming.FullName, "left-by-a-crash.part"), "x");
        var spool = new DicomSpool(directory.Path);

        Assert.Empty(incoming.GetFiles());
        var path = spool.PathOf("../../etc", "1.2/../../x", "..");
        Assert.StartsWith(spool.Root + Path.DirectorySeparatorChar, Path.GetFullPath(path));
        Assert.DoesNotContain("..", Path.GetRelativePath(spool.Root, path));
    }

    [Fact]
    public void A_whole_file_is_stored_at_its_layout_path_and_an_unsafe_uid_is_hashed_not_refused()
    {
        using var directory = new TempDirectory();
        var spool = new DicomSpool(directory.Path);
        var original = SharedData.GeHeadCtFiles()[0];
        var bytes = File.ReadAllBytes(original);

        var path = spool.StoreFile(bytes, "1.2.3", "../4", "5.6");

        Assert.Equal(SpoolLayout.PathOf(spool.Root, "1.2.3", "../4", "5.6"), path);
        Assert.StartsWith(Path.Combine(spool.Root, "1.2.3", "x"), path, StringComparison.Ordinal);
        Assert.Equal(bytes, File.ReadAllBytes(path));
        Assert.Equal([path], SpoolLayout.StoredFiles(spool.Root));
    }

    [Fact]
    public async Task Concurrent_stores_into_one_series_folder_all_commit()
    {
        using var directory = new TempDirectory();
        var spool = new DicomSpool(directory.Path);
        var files = SharedData.GeHeadCtFiles();

        var stored = await Task.WhenAll(files.Select(f => Task.Run(() => StoreAsync(spool, f))));

        Assert.Equal(files.Length, stored.Select(s => s.Path).Distinct().Count());
        Assert.All(stored, s => Assert.True(File.Exists(s.Path), s.Path));
        Assert.Equal(files.Length, SpoolLayout.StoredFiles(spool.Root).Count());
    }

    [Fact]
    public async Task A_study_folder_removed_while_running_is_created_again_by_the_next_store()
    {
        using var directory = new TempDirectory();
        var spool = new DicomSpool(directory.Path);
        var files = SharedData.GeHeadCtFiles()[..2];
        var first = await StoreAsync(spool, files[0]);
        var studyFolder = Path.GetDirectoryName(Path.GetDirectoryName(first.Path))!;
        Directory.Delete(studyFolder, recursive: true);
        Directory.Delete(Path.Combine(spool.Root, ".incoming"), recursive: true);

        var second = await StoreAsync(spool, files[1]);

        Assert.StartsWith(studyFolder + Path.DirectorySeparatorChar, second.Path, StringComparison.Ordinal);
        Assert.True(File.Exists(second.Path));
    }

    private static async Task<ReceivedInstance> StoreAsync(DicomSpool spool, string path)
    {
        var dataset = DicomFile.Open(path).Dataset;
        using var incoming = spool.Begin(dataset.GetString(DicomTags.SOPClassUID), dataset.GetString(DicomTags.SOPInstanceUID), DicomTransferSyntax.ExplicitVRLittleEndian.Uid, "CT1");
        incoming.Write(DicomDatasetWriter.Encode(dataset, DicomTransferSyntax.ExplicitVRLittleEndian));
        return await incoming.CommitAsync();
    }
}
