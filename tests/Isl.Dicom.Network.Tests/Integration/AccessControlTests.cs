using Isl.Dicom.Network.Client;
using Isl.Dicom.Network.Dimse;
using Isl.Dicom.Network.Pdus;
using Isl.Testing;

namespace Isl.Dicom.Network.Tests.Integration;

[Trait("Category", "Integration")]
public sealed class AccessControlTests
{
    [Fact]
    public async Task Echoscu_with_an_unknown_calling_ae_or_a_wrong_called_ae_is_rejected()
    {
        await using var scp = new ScpHost();
        var unknown = ExternalTool.Run("echoscu", ["-aet", "INTRUDER", "-aec", "ISL-TEST", "127.0.0.1", scp.Port.ToString()]);
        Assert.NotEqual(0, unknown.ExitCode);
        Assert.Contains("Calling AE Title Not Recognized", unknown.Output, StringComparison.OrdinalIgnoreCase);

        var wrongCalled = ExternalTool.Run("echoscu", ["-aec", "SOMEONE-ELSE", "127.0.0.1", scp.Port.ToString()]);
        Assert.NotEqual(0, wrongCalled.ExitCode);
        Assert.Contains("Called AE Title Not Recognized", wrongCalled.Output, StringComparison.OrdinalIgnoreCase);
        Assert.Empty(scp.Stored);
    }

    [Fact]
    public async Task Our_scu_sees_the_reject_reason()
    {
        await using var scp = new ScpHost();
        var client = new DicomClient(new DicomClientOptions { Host = "127.0.0.1", Port = scp.Port, CalledAeTitle = "ISL-TEST", CallingAeTitle = "INTRUDER" });
        var error = await Assert.ThrowsAsync<DicomAssociationRejectedException>(() => client.EchoAsync());
        Assert.Equal(AssociateRejectResult.RejectedPermanent, error.Reject.Result);
        Assert.Equal((byte)AssociateRejectReason.CallingAeNotRecognized, error.Reject.Reason);
    }

    [Fact]
    public async Task A_sop_class_outside_the_policy_is_refused_not_silently_accepted()
    {
        await using var scp = new ScpHost();
        var mr = Path.Combine(SharedData.PydicomTestFiles, "MR_small.dcm");
        var storescu = ExternalTool.Run("storescu", ["-aec", "ISL-TEST", "-R", "127.0.0.1", scp.Port.ToString(), mr]);
        Assert.NotEqual(0, storescu.ExitCode);

        var client = new DicomClient(new DicomClientOptions { Host = "127.0.0.1", Port = scp.Port, CalledAeTitle = "ISL-TEST" });
        var result = Assert.Single(await client.StoreAsync([StoreItem.FromFile(mr)]));
        Assert.False(result.IsStored);
        Assert.Contains("AbstractSyntaxNotSupported", result.Error);
        Assert.Empty(scp.Stored);
        Assert.Empty(scp.StoredFiles());
    }

    [Fact]
    public async Task Disk_below_the_watermark_answers_out_of_resources()
    {
        await using var scp = new ScpHost(o => o.DiskLowWatermarkBytes = long.MaxValue);
        var client = new DicomClient(new DicomClientOptions { Host = "127.0.0.1", Port = scp.Port, CalledAeTitle = "ISL-TEST" });
        var result = Assert.Single(await client.StoreAsync([StoreItem.FromFile(SharedData.GeHeadCtFiles()[0])]));
        Assert.Equal(DimseStatus.OutOfResources, result.Status);
        Assert.False(result.IsStored);
        Assert.Empty(scp.StoredFiles());
    }

    [Fact]
    public async Task Too_large_a_data_set_answers_out_of_resources_and_the_association_goes_on()
    {
        await using var scp = new ScpHost(o => o.MaxDatasetSize = 100_000);
        var client = new DicomClient(new DicomClientOptions { Host = "127.0.0.1", Port = scp.Port, CalledAeTitle = "ISL-TEST" });
        var small = DicomFile.Open(SharedData.GeHeadCtFiles()[1]).Dataset;
        small.Remove(DicomTags.PixelData);
        var results = await client.StoreAsync([StoreItem.FromFile(SharedData.GeHeadCtFiles()[0]), StoreItem.FromDataset(small, DicomTransferSyntax.ExplicitVRLittleEndian)]);
        Assert.Equal(DimseStatus.OutOfResources, results[0].Status);
        Assert.True(results[1].IsStored, results[1].ToString());
        Assert.Single(scp.StoredFiles());
    }

    [Fact]
    public async Task Associations_beyond_the_limit_are_rejected_as_transient()
    {
        await using var scp = new ScpHost(o => o.MaxAssociations = 1);
        // Only an association holds a slot (a socket that has sent nothing does not, see IdleSocketTests).
        var holder = await RawStore.OpenAsync(scp.Port);
        Assert.Equal(1, scp.Server.ActiveAssociations);

        var client = new DicomClient(new DicomClientOptions { Host = "127.0.0.1", Port = scp.Port, CalledAeTitle = "ISL-TEST", RetryPolicy = DicomRetryPolicy.None });
        var error = await Assert.ThrowsAsync<DicomAssociationRejectedException>(() => client.EchoAsync());
        Assert.True(error.IsTransient);
        Assert.Equal(AssociateRejectSource.ServiceProviderPresentation, error.Reject.Source);

        await holder.DisposeAsync();
        var retrying = new DicomClient(new DicomClientOptions { Host = "127.0.0.1", Port = scp.Port, CalledAeTitle = "ISL-TEST", RetryPolicy = new DicomRetryPolicy { MaxAttempts = 10, InitialDelay = TimeSpan.FromMilliseconds(100) } });
        Assert.Equal(DimseStatus.Success, await retrying.EchoAsync());
    }
}
