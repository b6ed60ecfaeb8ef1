using Isl.Dicom.Network.Dimse;
using Isl.Dicom.Network.Storage;
using Isl.Dicom.Network.Tests.TestData;
using Isl.Testing;

namespace Isl.Dicom.Network.Tests.Storage;

public sealed class ReceivedDatasetCheckTests
{
    public static TheoryData<string> BadCases() => [.. BadDatasets.All().Select(c => c.Name)];

    [Theory]
    [MemberData(nameof(BadCases))]
    public async Task A_data_set_that_cannot_be_used_is_rejected_with_its_status_and_nothing_is_kept(string name)
    {
        var (_, commandUid, bytes, expected) = BadDatasets.All().Single(c => c.Name == name);
        using var directory = new TempDirectory();
        var spool = new DicomSpool(directory.Combine("spool"));

        using var incoming = spool.Begin(BadDatasets.CtImageStorage, commandUid, DicomTransferSyntax.ExplicitVRLittleEndian.Uid, "HOSTILE");
        incoming.Write(bytes);
        var rejected = await Assert.ThrowsAsync<InstanceRejectedException>(() => incoming.CommitAsync());

        Assert.True(expected == rejected.Status, $"{name}: 0x{rejected.Status:X4} ({rejected.Message}), expected 0x{expected:X4}");
        Assert.Empty(Directory.GetFiles(spool.Root, "*", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task A_sop_class_other_than_the_commands_is_rejected()
    {
        using var directory = new TempDirectory();
        var spool = new DicomSpool(directory.Path);
        using var incoming = spool.Begin("1.2.840.10008.5.1.4.1.1.7", BadDatasets.GoodSliceUid, DicomTransferSyntax.ExplicitVRLittleEndian.Uid, "CT1");
        incoming.Write(BadDatasets.GoodSlice);

        var rejected = await Assert.ThrowsAsync<InstanceRejectedException>(() => incoming.CommitAsync());

        Assert.Equal(DimseStatus.DatasetDoesNotMatchSopClass, rejected.Status);
        Assert.Contains("SOP Class UID", rejected.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Native_pixel_data_shorter_than_its_rows_and_columns_is_rejected_even_when_every_length_is_consistent()
    {
        var dataset = DicomDatasetReader.Read(BadDatasets.GoodSlice, DicomTransferSyntax.ExplicitVRLittleEndian);
        var pixels = dataset.GetBytes(DicomTags.PixelData);
        dataset.SetBytes(DicomTags.PixelData, DicomVR.OW, pixels[..(pixels.Length / 2)].ToArray());
        using var directory = new TempDirectory();
        var spool = new DicomSpool(directory.Path);
        using var incoming = spool.Begin(BadDatasets.CtImageStorage, BadDatasets.GoodSliceUid, DicomTransferSyntax.ExplicitVRLittleEndian.Uid, "CT1");
        incoming.Write(DicomDatasetWriter.Encode(dataset, DicomTransferSyntax.ExplicitVRLittleEndian));

        var rejected = await Assert.ThrowsAsync<InstanceRejectedException>(() => incoming.CommitAsync());

        Assert.Equal(DimseStatus.CannotUnderstand, rejected.Status);
        Assert.Contains("pixel data", rejected.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_intact_slice_is_accepted()
    {
        using var directory = new TempDirectory();
        var spool = new DicomSpool(directory.Path);
        using var incoming = spool.Begin(BadDatasets.CtImageStorage, BadDatasets.GoodSliceUid, DicomTransferSyntax.ExplicitVRLittleEndian.Uid, "CT1");
        incoming.Write(BadDatasets.GoodSlice);

        var stored = await incoming.CommitAsync();

        Assert.Equal(BadDatasets.GoodSliceUid, DicomFile.Open(stored.Path).Dataset.GetString(DicomTags.SOPInstanceUID));
    }
}
