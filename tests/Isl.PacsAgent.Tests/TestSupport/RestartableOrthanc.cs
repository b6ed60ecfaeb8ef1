using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Isl.Testing;

namespace Isl.PacsAgent.Tests.TestSupport;

/// <summary>
/// A real Orthanc (Debian package) that can be killed and started again on the same ports with the same storage,
/// as a PACS that goes down during a delivery and comes back: the agent's destination URL stays valid.
/// DICOMweb plugin, StableAge 1, the IslTriage user metadata; killed by PID.
/// </summary>
public sealed class RestartableOrthanc : IDisposable
{
    private readonly TempDirectory _directory = new("isl-orthanc-restart");
    private readonly StringBuilder _log = new();
    private Process? _process;

    public RestartableOrthanc()
    {
        HttpPort = FreePort.Next();
        DicomPort = FreePort.Next();
        Http = new HttpClient { BaseAddress = RestRoot, Timeout = TimeSpan.FromSeconds(30) };
    }

    public int HttpPort { get; }

    public int DicomPort { get; }

    public Uri RestRoot => new($"http://127.0.0.1:{HttpPort}/");

    public HttpClient Http { get; }

    public bool IsRunning => _process is { HasExited: false };

    /// <summary>The last lines Orthanc printed, over all its runs.</summary>
    public string Log
    {
        get
        {
            lock (_log)
            {
                var text = _log.ToString();
                return text.Length > 4000 ? text[^4000..] : text;
            }
        }
    }

    /// <summary>Starts Orthanc (again) with <paramref name="luaScripts"/> and waits until GET /system answers.</summary>
    public async Task StartAsync(IReadOnlyList<string>? luaScripts = null)
    {
        if (!File.Exists(OrthancOptions.DicomWebPluginPath))
        {
            throw new InvalidOperationException($"The Orthanc DICOMweb plugin is missing at {OrthancOptions.DicomWebPluginPath}: run ./test.sh or `apt-get install -y orthanc-dicomweb`.");
        }

        var config = new Dictionary<string, object>
        {
            ["Name"] = "isl-test-restartable",
            ["DicomAet"] = "ORTHANC",
            ["DicomPort"] = DicomPort,
            ["HttpPort"] = HttpPort,
            ["StorageDirectory"] = _directory.Combine("storage"),
            ["IndexDirectory"] = _directory.Combine("index"),
            ["RemoteAccessAllowed"] = false,
            ["AuthenticationEnabled"] = false,
            ["DicomCheckCalledAet"] = false,
            ["StableAge"] = 1,
            ["UserMetadata"] = new Dictionary<string, int> { [PacsOrthanc.MetadataName] = 1024 },
            ["Plugins"] = new[] { OrthancOptions.DicomWebPluginPath },
            ["DicomWeb"] = new Dictionary<string, object> { ["Enable"] = true, ["Root"] = "/dicom-web/" },
            ["LuaScripts"] = luaScripts ?? [],
        };
        var path = _directory.Combine("orthanc.json");
        await File.WriteAllTextAsync(path, JsonSerializer.Serialize(config));
        var process = ExternalTool.Start("Orthanc", [path], workingDirectory: _directory.Path);
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _process = process;
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (true)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"Orthanc exited at start with code {process.ExitCode}: {Log}");
            }

            try
            {
                using var response = await Http.GetAsync(new Uri("system", UriKind.Relative));
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Orthanc did not answer on {RestRoot} within 30 s: {Log}");
            }

            await Task.Delay(100);
        }
    }

    /// <summary>Kills Orthanc (SIGKILL by PID) and waits for it to exit; the storage stays for the next start.</summary>
    public void Kill()
    {
        if (_process is null)
        {
            return;
        }

        if (!_process.HasExited)
        {
            _process.Kill();
            _process.WaitForExit(10_000);
        }

        _process.Dispose();
        _process = null;
    }

    public void Dispose()
    {
        Kill();
        Http.Dispose();
        _directory.Dispose();
    }

    private void Append(string? line)
    {
        if (line is not null)
        {
            lock (_log)
            {
                _log.AppendLine(line);
            }
        }
    }
}
