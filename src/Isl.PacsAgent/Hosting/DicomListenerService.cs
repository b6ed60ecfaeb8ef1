using System.Net;
using Isl.Dicom;
using Isl.Dicom.Network.Server;
using Isl.Dicom.Network.Storage;
using Isl.PacsAgent.Configuration;
using Isl.PacsAgent.Hosting.Health;
using Isl.PacsAgent.Ingest;
using Isl.PacsAgent.Metrics;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Isl.PacsAgent.Hosting;

/// <summary>
/// Runs the C-STORE SCP (Isl.Dicom.Network) into the durable spool and its index; every stored instance is
/// ingested before the sender is told Success, so an acknowledged instance is always catalogued for assembly. Refused
/// instances (unreadable, not what the command announced, disk low, ...) are counted in <see cref="AgentMetrics"/>.
/// </summary>
internal sealed class DicomListenerService(
    IOptions<DicomListenerOptions> options,
    IOptions<StorageOptions> storage,
    IOptions<AssemblyOptions> assembly,
    InstanceIngest ingest,
    AgentMetrics metrics,
    ILoggerFactory loggers) : IHostedService, IAsyncDisposable, IServiceHealthSource
{
    private DicomServer? server;
    private SqliteReceivedInstanceIndex? index;

    /// <summary>The port listened on (after start).</summary>
    public int Port => server?.Port ?? options.Value.Port;

    /// <inheritdoc />
    public ServiceHealth Health => !options.Value.Enabled
        ? new ServiceHealth(nameof(DicomListenerService), ServiceHealth.Disabled)
        : server switch
        {
            null => new ServiceHealth(nameof(DicomListenerService), ServiceHealth.Starting),
            { IsListening: true } => new ServiceHealth(nameof(DicomListenerService), ServiceHealth.Running, $"{options.Value.AeTitle} on port {server.Port}"),
            _ => new ServiceHealth(nameof(DicomListenerService), ServiceHealth.Stopped, "the C-STORE SCP does not accept connections"),
        };

    public Task StartAsync(CancellationToken cancellationToken)
    {
        var o = options.Value;
        if (!o.Enabled)
        {
            return Task.CompletedTask;
        }

        var spoolRoot = Path.Combine(Path.GetFullPath(storage.Value.SpoolPath), "scp");
        index = new SqliteReceivedInstanceIndex(Path.Combine(Path.GetDirectoryName(Path.GetFullPath(storage.Value.DatabasePath))!, "received-index.db"));
        var serverOptions = new DicomServerOptions
        {
            AeTitle = o.AeTitle,
            BindAddress = IPAddress.Parse(o.BindAddress),
            Port = o.Port,
            RequireAllowList = !o.AllowAnyCaller,
            MaxAssociations = o.MaxAssociations,
            AssociationRequestTimeout = TimeSpan.FromSeconds(o.AssociationRequestTimeoutSeconds),
            MaxPendingConnectionsPerAddress = o.MaxPendingConnectionsPerAddress,
            AcceptAnySopClass = o.AcceptAnySopClass,
            SpoolDirectory = spoolRoot,
        };
        foreach (var caller in o.AllowedCallers)
        {
            serverOptions.AllowedPeers.Add(AllowedPeer.Parse(caller));
        }

        server = new DicomServer(serverOptions, new DicomSpool(spoolRoot, index), loggers.CreateLogger<DicomServer>())
        {
            InstanceStored = OnStoredAsync,
            InstanceRefused = refused => metrics.InstanceRejected(refused.Status),
        };
        server.Start();
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (server is not null)
        {
            await server.StopAsync().ConfigureAwait(false);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (server is not null)
        {
            await server.DisposeAsync().ConfigureAwait(false);
        }

        index?.Dispose();
    }

    private async ValueTask OnStoredAsync(ReceivedInstance instance)
    {
        var dataset = DicomFile.Open(instance.Path, new DicomReadOptions { StopAtTag = DicomTags.PixelData }).Dataset;
        await ingest.AcceptAsync(instance.Path, dataset, assembly.Value.StableAgeFor(instance.CallingAeTitle), CancellationToken.None).ConfigureAwait(false);
    }
}
