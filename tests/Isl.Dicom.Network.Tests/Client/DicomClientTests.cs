using Isl.Dicom.Network.Client;
using Isl.Testing;

namespace Isl.Dicom.Network.Tests.Client;

public sealed class DicomClientTests
{
    [Fact]
    public async Task Store_to_a_closed_port_reports_each_file_after_the_retries_without_throwing()
    {
        var client = new DicomClient(new DicomClientOptions
        {
            Host = "127.0.0.1",
            Port = FreePort.Next(),
            CalledAeTitle = "NOBODY",
            RetryPolicy = new DicomRetryPolicy { MaxAttempts = 2, InitialDelay = TimeSpan.FromMilliseconds(10) },
        });
        var files = SharedData.GeHeadCtFiles()[..2];
        var results = await client.StoreAsync(files.Select(StoreItem.FromFile));
        Assert.Equal(files, results.Select(r => r.Source));
        Assert.All(results, r =>
        {
            Assert.False(r.IsStored);
            Assert.Contains("SocketException", r.Error);
        });
    }

    [Fact]
    public void Backoff_grows_and_is_capped()
    {
        var policy = new DicomRetryPolicy { InitialDelay = TimeSpan.FromSeconds(1), BackoffFactor = 2, MaxDelay = TimeSpan.FromSeconds(3) };
        Assert.Equal(TimeSpan.FromSeconds(1), policy.DelayBefore(2));
        Assert.Equal(TimeSpan.FromSeconds(2), policy.DelayBefore(3));
        Assert.Equal(TimeSpan.FromSeconds(3), policy.DelayBefore(5));
    }
}
