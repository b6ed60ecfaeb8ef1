using System.Diagnostics;
using System.Text.Json;
using Isl.Testing;

namespace Isl.PacsAgent.Tests.TestSupport;

/// <summary>A real Orthanc (Debian package) with the DICOMweb plugin, on free loopback ports, in a temp folder; killed by PID on dispose.</summary>
public sealed class OrthancServer : IDisposable
{
    public const string DicomWebPlugin = "/usr/share/orthanc/plugins/libOrthancDicomWeb.so";
    public const string MetadataName = "IslTriage";

    private readonly TempDirectory temp = new("isl-orthanc");
    private readonly Process process;

    private OrthancServer(int httpPort, int dicomPort, int? agentPort, Action<Dictionary<string, object>>? customize)
    {
        HttpPort = httpPort;
        DicomPort = dicomPort;
        if (!File.Exists(DicomWebPlugin))
        {
            throw new InvalidOperationException($"The Orthanc DICOMweb plugin is missing at {DicomWebPlugin}: run ./test.sh or `apt-get install -y orthanc-dicomweb`.");
        }

        var config = new Dictionary<string, object>
        {
            ["Name"] = "isl-test",
            ["StorageDirectory"] = temp.Combine("storage"),
            ["IndexDirectory"] = temp.Combine("index"),
            ["HttpPort"] = httpPort,
            ["DicomPort"] = dicomPort,
            ["DicomAet"] = "ORTHANC",
            ["RemoteAccessAllowed"] = false,
            ["AuthenticationEnabled"] = false,
            ["StableAge"] = 1,
            ["Plugins"] = new[] { DicomWebPlugin },
            ["DicomWeb"] = new Dictionary<string, object> { ["Enable"] = true, ["Root"] = "/dicom-web/" },
            ["UserMetadata"] = new Dictionary<string, int> { [MetadataName] = 1024 },
            ["DicomModalities"] = agentPort is { } port
                ? new Dictionary<string, object> { ["isl-agent"] = new object[] { "ISL_AGENT", "127.0.0.1", port } }
                : new Dictionary<string, object>(),
        };
        customize?.Invoke(config);
        var path = temp.Combine("orthanc.json");
        File.WriteAllText(path, JsonSerializer.Serialize(config));
        process = ExternalTool.Start("Orthanc", [path], workingDirectory: temp.Path);
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    private readonly System.Text.StringBuilder log = new();

    /// <summary>The last lines Orthanc printed (for failure messages).</summary>
    public string Log
    {
        get
        {
            lock (log)
            {
                var text = log.ToString();
                return text.Length > 4000 ? text[^4000..] : text;
            }
        }
    }

    private void Append(string? line)
    {
        if (line is not null)
        {
            lock (log)
            {
                log.AppendLine(line);
            }
        }
    }

    public int HttpPort { get; }

    public int DicomPort { get; }

    public Uri RestRoot => new($"http://127.0.0.1:{HttpPort}/");

    public Uri DicomWebRoot => new(RestRoot, "dicom-web/");

    public HttpClient Rest() => new() { BaseAddress = RestRoot };

    public HttpClient DicomWeb() => new() { BaseAddress = DicomWebRoot };

    public static async Task<OrthancServer> StartAsync(int? agentDicomPort = null, Action<Dictionary<string, object>>? customize = null)
    {
        var server = new OrthancServer(FreePort.Next(), FreePort.Next(), agentDicomPort, customize);
        using var http = server.Rest();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            if (server.process.HasExited)
            {
                throw new InvalidOperationException($"Orthanc exited at start with code {server.process.ExitCode}.");
            }

            try
            {
                if ((await http.GetAsync("system")).IsSuccessStatusCode)
                {
                    return server;
                }
            }
            catch (HttpRequestException) when (DateTime.UtcNow < deadline)
            {
            }

            if (DateTime.UtcNow > deadline)
            {
                server.Dispose();
                throw new TimeoutException("Orthanc did not answer on its HTTP port within 30 s.");
            }

            await Task.Delay(100);
        }
    }

    public void Dispose()
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill();
                process.WaitForExit(10_000);
            }
        }
        finally
        {
            process.Dispose();
            temp.Dispose();
        }
    }
}
