using Isl.Dicom.Network.Dimse;
using Isl.Dicom.Network.Tests.TestData;
using Isl.Testing;

namespace Isl.Dicom.Network.Tests.Integration;

/// <summary>Issue 16 items 1 and 3: nothing is acknowledged that cannot be used, nothing of it is kept.</summary>
[Trait("Category", "Integration")]
public sealed class UnusableDatasetTests
{
    [Fact]
    public async Task Unusable_data_sets_are_refused_with_their_status_nothing_is_kept_and_storescu_still_stores()
    {
        await using var scp = new ScpHost();
        var problems = new List<string>();
        await using (var sender = await RawStore.OpenAsync(scp.Port))
        {
            foreach (var (name, commandUid, dataset, expected) in BadDatasets.All())
            {
                var response = await sender.StoreAsync(commandUid, dataset);
                if (response.Status != expected)
                {
                    problems.Add($"{name}: answered 0x{response.Status:X4} ({response.ErrorComment}), expected 0x{expected:X4}");
                }
            }
        }

        Assert.True(problems.Count == 0, string.Join('\n', problems));
        Assert.Empty(scp.StoredFiles());
        Assert.Empty(Directory.GetFiles(Path.Combine(scp.SpoolRoot, ".incoming")));
        Assert.Empty(scp.Stored);

        var files = SharedData.GeHeadCtFiles()[..2];
        var store = ExternalTool.Run("storescu", ["-aec", "ISL-TEST", "127.0.0.1", scp.Port.ToString(), .. files]);
        Assert.True(store.ExitCode == 0, store.Output);
        Assert.Equal(2, scp.StoredFiles().Length);
    }

    [Fact]
    public async Task A_store_whose_command_names_another_instance_does_not_overwrite_that_instance()
    {
        await using var scp = new ScpHost();
        var files = SharedData.GeHeadCtFiles()[..2];
        var store = ExternalTool.Run("storescu", ["-aec", "ISL-TEST", "127.0.0.1", scp.Port.ToString(), files[0]]);
        Assert.True(store.ExitCode == 0, store.Output);
        var victim = DicomFile.Open(files[0]).Dataset.GetString(DicomTags.SOPInstanceUID);
        var before = await File.ReadAllBytesAsync(scp.Find(victim)!.Path);

        // files[1]'s data set announced as files[0]'s instance: it would replace the victim's file and index row.
        var other = DicomDatasetWriter.Encode(DicomFile.Open(files[1]).Dataset, DicomTransferSyntax.ExplicitVRLittleEndian);
        await using (var sender = await RawStore.OpenAsync(scp.Port))
        {
            var response = await sender.StoreAsync(victim, other);
            Assert.Equal(DimseStatus.DatasetDoesNotMatchSopClass, response.Status);
        }

        var stored = scp.Find(victim);
        Assert.Equal(before, await File.ReadAllBytesAsync(stored!.Path));
        Assert.Single(scp.StoredFiles());
    }
}
