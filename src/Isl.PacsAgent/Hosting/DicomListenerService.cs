using System.Net;
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
/// Runs the C-STORE SCP (Isl.Dicom.Network) into the durable spool; every stored instance is catalogued in the
/// agent's one catalogue (<see cref="Storage.StudyStore"/>, through <see cref="InstanceIngest"/>) from the data set the SCP
/// parsed, before the sender is told Success. The catalogue commits without waiting for the disk (WAL,
/// synchronous=NORMAL: a killed process loses nothing; a power cut may lose the last commits), so at start the spool
/// is first compared with the catalogue and what is missing is catalogued again. Refused instances (unreadable, not
/// what the command announced, disk low, ...) are counted in <see cref="AgentMetrics"/>.
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

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var o = options.Value;
        if (!o.Enabled)
        {
            return;
        }

        var spool = new DicomSpool(storage.Value.ScpSpoolPath);
        await ingest.CatalogueSpoolAsync(spool.Root, assembly.Value.StableAgeFor, cancellationToken).ConfigureAwait(false);
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
        };
        foreach (var caller in o.AllowedCallers)
        {
            serverOptions.AllowedPeers.Add(AllowedPeer.Parse(caller));
        }

        server = new DicomServer(serverOptions, spool, loggers.CreateLogger<DicomServer>())
        {
            InstanceStored = OnStoredAsync,
            InstanceRefused = refused => metrics.InstanceRejected(refused.Status),
        };
        server.Start();
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
    }

    private async ValueTask OnStoredAsync(ReceivedInstance instance) =>
        await ingest.AcceptAsync(instance.Path, instance.Dataset, assembly.Value.StableAgeFor(instance.CallingAeTitle), CancellationToken.None).ConfigureAwait(false);
}
