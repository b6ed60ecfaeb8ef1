using System.Net;
using Isl.Dicom.Network.Server;
using Isl.Dicom.Network.Storage;
using Isl.Testing;

namespace Isl.Dicom.Network.Tests.Integration;

/// <summary>Our SCP on a free loopback port with a temporary spool and index, for tests.</summary>
internal sealed class ScpHost : IAsyncDisposable
{
    private readonly TempDirectory _directory = new("isl-scp");

    public ScpHost(Action<DicomServerOptions>? configure = null)
    {
        Options = new DicomServerOptions
        {
            AeTitle = "ISL-TEST",
            BindAddress = IPAddress.Loopback,
            Port = 0,
            SpoolDirectory = _directory.Combine("spool"),
            DiskLowWatermarkBytes = 1024 * 1024,
            ArtimTimeout = TimeSpan.FromSeconds(5),
            IdleTimeout = TimeSpan.FromSeconds(10),
        };
        foreach (var ae in new[] { "STORESCU", "ECHOSCU", "ISL-SCU", "ORTHANC" })
        {
            Options.AllowedPeers.Add(new AllowedPeer(ae, IPAddress.Loopback));
        }

        configure?.Invoke(Options);
        Index = new SqliteReceivedInstanceIndex(_directory.Combine("index.sqlite"));
        Spool = new DicomSpool(Options.SpoolDirectory, Index);
        Server = new DicomServer(Options, Spool);
        Server.Start();
    }

    public DicomServerOptions Options { get; }

    public DicomServer Server { get; }

    public DicomSpool Spool { get; }

    public SqliteReceivedInstanceIndex Index { get; }

    public int Port => Server.Port;

    public string SpoolRoot => Spool.Root;

    /// <summary>Every stored instance file in the spool.</summary>
    public string[] StoredFiles() =>
        Directory.GetFiles(Spool.Root, "*.dcm", SearchOption.AllDirectories).Where(f => !f.Contains("/.incoming/", StringComparison.Ordinal)).ToArray();

    public async ValueTask DisposeAsync()
    {
        await Server.DisposeAsync();
        Index.Dispose();
        _directory.Dispose();
    }
}
