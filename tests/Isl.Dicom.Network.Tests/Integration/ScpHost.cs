using System.Collections.Concurrent;
using System.Net;
using Isl.Dicom.Network.Server;
using Isl.Dicom.Network.Storage;
using Isl.Testing;

namespace Isl.Dicom.Network.Tests.Integration;

/// <summary>Our SCP on a free loopback port with a temporary spool, for tests; <see cref="Stored"/> is what the server handed over as stored.</summary>
internal sealed class ScpHost : IAsyncDisposable
{
    private readonly TempDirectory _directory = new("isl-scp");
    private readonly ConcurrentDictionary<string, ReceivedInstance> _stored = new(StringComparer.Ordinal);

    public ScpHost(Action<DicomServerOptions>? configure = null)
    {
        Options = new DicomServerOptions
        {
            AeTitle = "ISL-TEST",
            BindAddress = IPAddress.Loopback,
            Port = 0,
            DiskLowWatermarkBytes = 1024 * 1024,
            ArtimTimeout = TimeSpan.FromSeconds(5),
            IdleTimeout = TimeSpan.FromSeconds(10),
        };
        foreach (var ae in new[] { "STORESCU", "ECHOSCU", "ISL-SCU", "ORTHANC" })
        {
            Options.AllowedPeers.Add(new AllowedPeer(ae, IPAddress.Loopback));
        }

        configure?.Invoke(Options);
        Spool = new DicomSpool(_directory.Combine("spool"));
        Server = new DicomServer(Options, Spool)
        {
            InstanceStored = instance =>
            {
                Assert.True(File.Exists(instance.Path), $"{instance.Path} was handed over as stored but does not exist");
                _stored[instance.SopInstanceUid] = instance;
                return ValueTask.CompletedTask;
            },
        };
        Server.Start();
    }

    public DicomServerOptions Options { get; }

    public DicomServer Server { get; }

    public DicomSpool Spool { get; }

    /// <summary>The instances handed over as stored (before their Success), by SOP Instance UID.</summary>
    public IReadOnlyDictionary<string, ReceivedInstance> Stored => _stored;

    /// <summary>The stored instance with this SOP Instance UID, or null.</summary>
    public ReceivedInstance? Find(string sopInstanceUid) => _stored.GetValueOrDefault(sopInstanceUid);

    public int Port => Server.Port;

    public string SpoolRoot => Spool.Root;

    /// <summary>Every stored instance file in the spool.</summary>
    public string[] StoredFiles() =>
        Directory.GetFiles(Spool.Root, "*.dcm", SearchOption.AllDirectories).Where(f => !f.Contains("/.incoming/", StringComparison.Ordinal)).ToArray();

    public async ValueTask DisposeAsync()
    {
        await Server.DisposeAsync();
        _directory.Dispose();
    }
}
