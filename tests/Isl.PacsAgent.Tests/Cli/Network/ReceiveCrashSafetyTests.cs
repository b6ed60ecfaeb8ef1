using System.Diagnostics;
using System.Text;
using Isl.Dicom;
using Isl.Dicom.Network.Storage;
using Isl.Testing;

namespace Isl.PacsAgent.Tests.Cli.Network;

[Trait("Category", "Integration")]
public sealed class ReceiveCrashSafetyTests
{
    private const int Instances = 308;

    [Fact]
    public async Task Every_instance_acknowledged_before_sigkill_is_in_the_spool_after_restart()
    {
        using var work = new TempDirectory("isl-crash");
        var files = CopiesWithNewUids(work.Combine("in"), Instances);
        var spool = work.Combine("spool");
        var port = FreePort.Next();

        var storescuOutput = new StringBuilder();
        using (var receiver = StartReceiver(port, spool))
        {
            using var storescu = await StoreUntilAcknowledgedAsync("ISL", port, files, storescuOutput, 40);

            receiver.Kill(); // SIGKILL on Unix: no shutdown code runs.
            await receiver.WaitForExitAsync();
            Assert.True(storescu.WaitForExit(60_000), "storescu did not end after the receiver died");
            storescu.WaitForExit();
        }

        var acknowledged = Acknowledged(Snapshot(storescuOutput));
        Assert.True(acknowledged.Count >= 40, $"only {acknowledged.Count} acknowledged:\n{Snapshot(storescuOutput)[..Math.Min(2000, storescuOutput.Length)]}");
        Assert.True(acknowledged.Count < Instances, "the receiver was killed after the burst had already finished");

        // Restart on the same spool (it discards unacknowledged partial files), then stop it with SIGTERM.
        using (var restarted = StartReceiver(port, spool))
        {
            Assert.True(Directory.GetFiles(Path.Combine(spool, ".incoming")).Length == 0, "partial files survived the restart");
            using (var term = Process.Start("kill", ["-TERM", restarted.Id.ToString()]))
            {
                term.WaitForExit();
                Assert.Equal(0, term.ExitCode);
            }

            Assert.True(restarted.WaitForExit(20_000), "receive did not stop on SIGTERM");
            Assert.Equal(0, restarted.ExitCode);
        }

        foreach (var file in acknowledged)
        {
            var original = DicomFile.Open(file);
            var sop = original.Dataset.GetString(DicomTags.SOPInstanceUID);
            var stored = SpoolLayout.PathOf(spool, original.Dataset.GetString(DicomTags.StudyInstanceUID), original.Dataset.GetString(DicomTags.SeriesInstanceUID), sop);
            Assert.True(File.Exists(stored), $"{file} was acknowledged but {stored} is missing");
            var copy = DicomFile.Open(stored);
            Assert.Equal(sop, copy.Dataset.GetString(DicomTags.SOPInstanceUID));
            Assert.Equal(original.Dataset.GetBytes(DicomTags.PixelData).ToArray(), copy.Dataset.GetBytes(DicomTags.PixelData).ToArray());
        }
    }

    /// <summary>Starts storescu -v sending <paramref name="files"/>, its log collected in <paramref name="output"/>; returns once <paramref name="count"/> were acknowledged (or it ended).</summary>
    internal static async Task<Process> StoreUntilAcknowledgedAsync(string calledAe, int port, string[] files, StringBuilder output, int count)
    {
        var storescu = ExternalTool.Start("storescu", ["-v", "-aec", calledAe, "127.0.0.1", port.ToString(), .. files]);
        storescu.OutputDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        storescu.ErrorDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        storescu.BeginOutputReadLine();
        storescu.BeginErrorReadLine();
        var deadline = DateTime.UtcNow.AddSeconds(120);
        while (Acknowledged(Snapshot(output)).Count < count && DateTime.UtcNow < deadline && !storescu.HasExited)
        {
            await Task.Delay(20);
        }

        return storescu;
    }

    internal static string Snapshot(StringBuilder output)
    {
        lock (output)
        {
            return output.ToString();
        }
    }

    /// <summary>Files storescu saw answered with Success (its -v log: "Sending file: X" ... "Received Store Response (Success)").</summary>
    internal static List<string> Acknowledged(string log) =>
        log.Split("I: Sending file: ").Skip(1)
            .Where(segment => segment.Contains("Received Store Response (Success)", StringComparison.Ordinal))
            .Select(segment => segment[..segment.IndexOf('\n', StringComparison.Ordinal)].Trim())
            .ToList();

    internal static Process StartReceiver(int port, string spool)
    {
        var agent = Path.Combine(AppContext.BaseDirectory, "isl-agent.dll");
        var process = ExternalTool.Start("dotnet", [agent, "receive", "--port", port.ToString(), "--aet", "ISL", "--out", spool, "--allow", "STORESCU@127.0.0.1"]);
        var ready = new TaskCompletionSource();
        process.OutputDataReceived += (_, e) => { if (e.Data?.StartsWith("receiving as", StringComparison.Ordinal) == true) { ready.TrySetResult(); } };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!ready.Task.Wait(TimeSpan.FromSeconds(30)))
        {
            process.Kill();
            throw new InvalidOperationException("isl-agent receive did not report that it is listening.");
        }

        return process;
    }

    internal static string[] CopiesWithNewUids(string directory, int count)
    {
        Directory.CreateDirectory(directory);
        var source = SharedData.GeHeadCtFiles();
        var files = Enumerable.Range(0, count).Select(i => Path.Combine(directory, $"c{i / source.Length:D2}_{Path.GetFileName(source[i % source.Length])}")).ToArray();
        for (var i = 0; i < count; i++)
        {
            File.Copy(source[i % source.Length], files[i]);
        }

        var result = ExternalTool.Run("dcmodify", ["-nb", "-q", "-gin", .. files]);
        Assert.True(result.ExitCode == 0, result.Output);
        return files;
    }
}
