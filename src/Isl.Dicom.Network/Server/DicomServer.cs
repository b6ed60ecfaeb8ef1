using System.Collections.Concurrent;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using Isl.Dicom.Network.Logging;
using Isl.Dicom.Network.Storage;
using Isl.Dicom.Network.Transport;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Isl.Dicom.Network.Server;

/// <summary>
/// The C-ECHO/C-STORE SCP: listens on one configured address, runs one task per association (async sockets,
/// NoDelay, optional TLS), applies <see cref="DicomServerOptions"/> and stores instances durably in a <see cref="DicomSpool"/>.
/// </summary>
public sealed class DicomServer : IAsyncDisposable
{
    private readonly DicomServerOptions _options;
    private readonly ILogger _logger;
    private readonly ConcurrentDictionary<Task, bool> _associations = new();
    private readonly CancellationTokenSource _stopping = new();
    private readonly ConnectionAdmission _admission;
    private TcpListener? _listener;
    private Task? _acceptLoop;

    /// <summary>Creates the server; call <see cref="Start"/> to listen.</summary>
    /// <param name="options">Policy and limits (validated here).</param>
    /// <param name="spool">Where instances go.</param>
    /// <param name="logger">Logger (event ids 3000–3999).</param>
    public DicomServer(DicomServerOptions options, DicomSpool spool, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
        _admission = new ConnectionAdmission(options.MaxPendingConnections, options.MaxPendingConnectionsPerAddress, options.MaxAssociations);
        Spool = spool;
        _logger = logger ?? NullLogger.Instance;
    }

    /// <summary>The spool instances are written to.</summary>
    public DicomSpool Spool { get; }

    /// <summary>
    /// Called after each instance is durable (file and folder fsynced), with its parsed data set, before the sender is
    /// told Success: the application catalogues it here. A listener that throws makes the answer a failure (out of
    /// resources), so the sender sends it again; the file stays in the spool. The instance's data set is valid until the
    /// returned task completes (its bytes live in a pooled receive buffer).
    /// </summary>
    public Func<ReceivedInstance, ValueTask>? InstanceStored { get; set; }

    /// <summary>Called for each C-STORE answered with a failure status (nothing of it was kept), e.g. to count refusals.</summary>
    public Action<RefusedInstance>? InstanceRefused { get; set; }

    /// <summary>The port actually listened on (after <see cref="Start"/>).</summary>
    public int Port => (_listener?.LocalEndpoint as IPEndPoint)?.Port ?? _options.Port;

    /// <summary>Whether the server accepts connections (started, not stopped, its accept loop alive).</summary>
    public bool IsListening => _acceptLoop is { IsCompleted: false } && !_stopping.IsCancellationRequested;

    /// <summary>Associations currently open (holding one of <see cref="DicomServerOptions.MaxAssociations"/>).</summary>
    public int ActiveAssociations => _admission.Associations;

    /// <summary>Connections still waiting for their A-ASSOCIATE-RQ (they hold no association slot).</summary>
    public int PendingConnections => _admission.Pending;

    /// <summary>Binds the configured address and port and starts accepting.</summary>
    public void Start()
    {
        if (_listener is not null)
        {
            throw new InvalidOperationException("The server is already started.");
        }

        _listener = new TcpListener(_options.BindAddress, _options.Port);
        _listener.Start(backlog: 128);
        NetworkLog.Listening(_logger, _options.AeTitle, _listener.LocalEndpoint);
        _acceptLoop = AcceptLoopAsync(_stopping.Token);
    }

    /// <summary>Stops accepting, aborts open associations and waits for them to end.</summary>
    public async Task StopAsync()
    {
        if (_listener is null || _stopping.IsCancellationRequested)
        {
            return;
        }

        await _stopping.CancelAsync().ConfigureAwait(false);
        _listener.Stop();
        if (_acceptLoop is not null)
        {
            await _acceptLoop.ConfigureAwait(false);
        }

        await Task.WhenAll(_associations.Keys).ConfigureAwait(false);
        NetworkLog.Stopped(_logger, _options.AeTitle);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await StopAsync().ConfigureAwait(false);
        _stopping.Dispose();
    }

    private async Task AcceptLoopAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            Socket socket;
            try
            {
                socket = await _listener!.AcceptSocketAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                break;
            }
            catch (SocketException) when (cancellationToken.IsCancellationRequested)
            {
                break;
            }
            catch (SocketException)
            {
                continue;
            }
            catch (ObjectDisposedException)
            {
                break;
            }

            socket.NoDelay = true;
            var admitted = _admission.TryAdmit((socket.RemoteEndPoint as IPEndPoint)?.Address, out var refusal);
            if (admitted is null)
            {
                // Nothing is read from it: a flood of idle sockets costs one accept and one close each.
                NetworkLog.ConnectionRefused(_logger, socket.RemoteEndPoint, refusal!);
                socket.Dispose();
                continue;
            }

            var task = Task.Run(() => RunAssociationAsync(socket, admitted, cancellationToken), CancellationToken.None);
            _associations.TryAdd(task, true);
            _ = task.ContinueWith(t => _associations.TryRemove(t, out _), TaskScheduler.Default);
        }
    }

    private async Task RunAssociationAsync(Socket socket, AdmittedConnection admitted, CancellationToken cancellationToken)
    {
        using var slot = admitted;
        var remote = socket.RemoteEndPoint;
        try
        {
            Stream stream = new NetworkStream(socket, ownsSocket: true);
            if (_options.TlsCertificate is not null)
            {
                var secured = await AuthenticateAsync(stream, remote, cancellationToken).ConfigureAwait(false);
                if (secured is null)
                {
                    return;
                }

                stream = secured;
            }

            await using var connection = new PduConnection(stream);
            var association = new ScpAssociation(connection, _options, Spool, remote, _logger, InstanceStored, InstanceRefused);
            await association.RunAsync(slot, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            NetworkLog.AssociationFailed(_logger, remote, ex);
        }
        finally
        {
            socket.Dispose();
        }
    }

    private async Task<Stream?> AuthenticateAsync(Stream stream, EndPoint? remote, CancellationToken cancellationToken)
    {
        var ssl = new SslStream(stream, leaveInnerStreamOpen: false);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(_options.AssociationRequestTimeout);
        try
        {
            await ssl.AuthenticateAsServerAsync(
                new SslServerAuthenticationOptions
                {
                    ServerCertificate = _options.TlsCertificate,
                    ClientCertificateRequired = _options.RequireClientCertificate,
                    EnabledSslProtocols = SslProtocols.Tls12 | SslProtocols.Tls13,
                },
                deadline.Token).ConfigureAwait(false);
            return ssl;
        }
        catch (Exception ex) when (ex is AuthenticationException or IOException or OperationCanceledException)
        {
            NetworkLog.TlsFailed(_logger, remote, ex.Message);
            await ssl.DisposeAsync().ConfigureAwait(false);
            return null;
        }
    }
}
