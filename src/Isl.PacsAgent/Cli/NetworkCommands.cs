using System.CommandLine;
using Isl.Dicom;
using Isl.Dicom.Network;
using Isl.Dicom.Network.Client;
using Isl.Dicom.Network.Dimse;
using Isl.PacsAgent.Cli.Network;
using Microsoft.Extensions.Logging;

namespace Isl.PacsAgent.Cli;

/// <summary>Builds the network verbs of <c>isl-agent</c>: echo, send, receive.</summary>
internal static class NetworkCommands
{
    /// <summary>Creates the top-level commands of this group.</summary>
    public static IEnumerable<Command> Create() => [CreateEcho(), CreateSend(), CreateReceive()];

    private static Option<string> Host() => new("--host") { Description = "Peer host name or address", DefaultValueFactory = _ => "127.0.0.1" };

    private static Option<int> Port() => new("--port") { Description = "TCP port", Required = true };

    private static Option<string> CalledAet() => new("--called-aet") { Description = "The peer's AE title", Required = true };

    private static Option<string> CallingAet() => new("--calling-aet") { Description = "Our AE title", DefaultValueFactory = _ => "ISL-SCU" };

    private static Command CreateEcho()
    {
        var host = Host();
        var port = Port();
        var called = CalledAet();
        var calling = CallingAet();
        var command = new Command("echo", "Verify a DICOM peer with C-ECHO.") { host, port, called, calling };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var options = new DicomClientOptions { Host = parse.GetValue(host)!, Port = parse.GetValue(port), CalledAeTitle = parse.GetValue(called)!, CallingAeTitle = parse.GetValue(calling)!, RetryPolicy = DicomRetryPolicy.None };
            try
            {
                var status = await new DicomClient(options).EchoAsync(cancellationToken).ConfigureAwait(false);
                Console.WriteLine($"C-ECHO {options.CalledAeTitle}@{options.Host}:{options.Port}: {DimseStatus.Describe(status)} (0x{status:X4})");
                return DimseStatus.IsSuccess(status) ? 0 : 1;
            }
            catch (Exception ex) when (ex is DicomNetworkException or TimeoutException or IOException or System.Net.Sockets.SocketException)
            {
                Console.Error.WriteLine($"C-ECHO {options.CalledAeTitle}@{options.Host}:{options.Port} failed: {ex.Message}");
                return 1;
            }
        });
        return command;
    }

    private static Command CreateSend()
    {
        var host = Host();
        var port = Port();
        var called = CalledAet();
        var calling = CallingAet();
        var retries = new Option<int>("--attempts") { Description = "Attempts for transient failures (refused, dropped, busy)", DefaultValueFactory = _ => 3 };
        var paths = new Argument<string[]>("FILE_OR_DIR") { Description = "DICOM files, or folders searched recursively", Arity = ArgumentArity.OneOrMore };
        var command = new Command("send", "Send DICOM files by C-STORE over one association; exits non-zero if any instance is not stored.") { host, port, called, calling, retries, paths };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var files = InputFiles.Expand(parse.GetValue(paths)!);
            if (files.Count == 0)
            {
                Console.Error.WriteLine("send: no DICOM files found.");
                return 1;
            }

            var options = new DicomClientOptions
            {
                Host = parse.GetValue(host)!,
                Port = parse.GetValue(port),
                CalledAeTitle = parse.GetValue(called)!,
                CallingAeTitle = parse.GetValue(calling)!,
                RetryPolicy = new DicomRetryPolicy { MaxAttempts = Math.Max(1, parse.GetValue(retries)) },
            };
            var results = await new DicomClient(options, new StderrLogger(LogLevel.Warning)).StoreAsync(files.Select(StoreItem.FromFile), cancellationToken).ConfigureAwait(false);
            foreach (var result in results)
            {
                (result.IsStored ? Console.Out : Console.Error).WriteLine(result);
            }

            var failed = results.Count(r => !r.IsStored);
            Console.WriteLine($"{results.Count - failed} stored, {failed} not stored");
            return failed == 0 ? 0 : 1;
        });
        return command;
    }

    private static Command CreateReceive()
    {
        var port = Port();
        var aet = new Option<string>("--aet") { Description = "Our AE title (the called AE title peers must use)", Required = true };
        var output = new Option<string>("--out") { Description = "Spool folder (STUDY/SERIES/SOP.dcm, each fsynced with its folder before Success)", Required = true };
        var bind = new Option<string>("--bind") { Description = "The one IP address to listen on", DefaultValueFactory = _ => "127.0.0.1" };
        var allow = new Option<string[]>("--allow") { Description = "Admit CALLING_AE@IP (repeatable; CALLING_AE@* for any address)" };
        var allowAny = new Option<bool>("--allow-any") { Description = "Admit any calling AE from any address" };
        var anySop = new Option<bool>("--accept-all-sop-classes") { Description = "Accept every SOP class (default: CT, Enhanced CT, Secondary Capture, SR)" };
        var maxPdu = new Option<int?>("--max-pdu") { Description = "Maximum PDU length to announce" };
        var verbose = new Option<bool>("--verbose") { Description = "Log every stored instance" };
        var command = new Command("receive", "Receive DICOM instances by C-STORE into a durable spool until Ctrl+C/SIGTERM.") { port, aet, output, bind, allow, allowAny, anySop, maxPdu, verbose };
        command.SetAction(async (parse, cancellationToken) =>
        {
            Isl.Dicom.Network.Server.DicomServerOptions options;
            try
            {
                options = ReceiveVerb.BuildOptions(parse.GetValue(port), parse.GetValue(aet)!, parse.GetValue(bind)!, parse.GetValue(allow) ?? [], parse.GetValue(allowAny), parse.GetValue(anySop), parse.GetValue(maxPdu));
            }
            catch (Exception ex) when (ex is ArgumentException or FormatException)
            {
                Console.Error.WriteLine($"receive: {ex.Message}");
                return 2;
            }

            return await ReceiveVerb.RunAsync(options, parse.GetValue(output)!, parse.GetValue(verbose), cancellationToken).ConfigureAwait(false);
        });
        return command;
    }
}
