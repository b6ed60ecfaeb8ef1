using System.Net;
using System.Runtime.InteropServices;
using Isl.Dicom.Network.Server;
using Isl.Dicom.Network.Storage;
using Microsoft.Extensions.Logging;

namespace Isl.PacsAgent.Cli.Network;

/// <summary>
/// The <c>receive</c> verb: a storescp-like receiver on the agent's own SCP and spool. It keeps no catalogue: the spool's
/// files (<see cref="SpoolLayout"/>) are what it received, and it counts what it stored to report at the end.
/// </summary>
internal static class ReceiveVerb
{
    public static async Task<int> RunAsync(DicomServerOptions options, string outDirectory, bool verbose, CancellationToken cancellationToken)
    {
        var logger = new StderrLogger(verbose ? LogLevel.Debug : LogLevel.Information);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
        {
            context.Cancel = true;
            stop.Cancel();
        });
        var spool = new DicomSpool(outDirectory);
        var stored = 0L;
        await using var server = new DicomServer(options, spool, logger)
        {
            InstanceStored = _ =>
            {
                Interlocked.Increment(ref stored);
                return ValueTask.CompletedTask;
            },
        };
        server.Start();
        Console.WriteLine($"receiving as {options.AeTitle} on {options.BindAddress}:{server.Port} into {spool.Root} (Ctrl+C to stop)");
        try
        {
            await Task.Delay(Timeout.Infinite, stop.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }

        await server.StopAsync().ConfigureAwait(false);
        Console.WriteLine($"stopped; {Interlocked.Read(ref stored)} instances stored, {SpoolLayout.StoredFiles(spool.Root).Count()} in the spool");
        return 0;
    }

    public static DicomServerOptions BuildOptions(int port, string aeTitle, string bind, IEnumerable<string> allow, bool allowAny, bool anySopClass, int? maxPdu)
    {
        var options = new DicomServerOptions
        {
            AeTitle = aeTitle,
            Port = port,
            BindAddress = IPAddress.TryParse(bind, out var address) ? address : throw new ArgumentException($"--bind '{bind}' is not an IP address."),
            RequireAllowList = !allowAny,
            AcceptAnySopClass = anySopClass,
        };
        if (maxPdu is { } pdu)
        {
            options.MaxPduLength = pdu;
        }

        foreach (var entry in allow)
        {
            options.AllowedPeers.Add(AllowedPeer.Parse(entry));
        }

        if (options.RequireAllowList && options.AllowedPeers.Count == 0)
        {
            throw new ArgumentException("No peer may connect: give --allow CALLING_AE@IP (repeatable) or --allow-any.");
        }

        options.Validate();
        return options;
    }
}
