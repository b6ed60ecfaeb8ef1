using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Isl.Testing;

/// <summary>What an <see cref="OrthancProcess"/> is configured with beyond the defaults.</summary>
public sealed class OrthancOptions
{
    /// <summary>Where the Debian package installs the DICOMweb plugin.</summary>
    public const string DicomWebPluginPath = "/usr/share/orthanc/plugins/libOrthancDicomWeb.so";

    /// <summary>Loads the DICOMweb plugin with its root at /dicom-web/ (fails with an install hint when absent).</summary>
    public bool DicomWeb { get; init; }

    /// <summary>Orthanc's StableAge in seconds; null keeps Orthanc's default.</summary>
    public int? StableAgeSeconds { get; init; }

    /// <summary>The DicomModalities entries (name to [AET, host, port]).</summary>
    public Dictionary<string, object> Modalities { get; init; } = [];

    /// <summary>The UserMetadata entries (name to index, 1024 or more).</summary>
    public Dictionary<string, int> UserMetadata { get; init; } = [];

    /// <summary>Lua scripts Orthanc loads at start.</summary>
    public List<string> LuaScripts { get; init; } = [];

    /// <summary>A last change to the configuration before it is written.</summary>
    public Action<Dictionary<string, object>>? Customize { get; init; }

    /// <summary>How long to wait for GET /system to answer.</summary>
    public TimeSpan StartTimeout { get; init; } = TimeSpan.FromSeconds(30);
}

/// <summary>
/// A real Orthanc (Debian package, <c>Orthanc CONFIG.json</c> in the foreground) on free loopback ports with a
/// temporary config and storage, AE title ORTHANC, no authentication; killed by PID on dispose.
/// </summary>
public sealed class OrthancProcess : IDisposable
{
    private readonly TempDirectory _directory = new("isl-orthanc");
    private readonly StringBuilder _log = new();
    private readonly Process _process;

    private OrthancProcess(OrthancOptions options)
    {
        DicomPort = FreePort.Next();
        HttpPort = FreePort.Next();
        var config = new Dictionary<string, object>
        {
            ["Name"] = "isl-test",
            ["DicomAet"] = AeTitle,
            ["DicomPort"] = DicomPort,
            ["HttpPort"] = HttpPort,
            ["StorageDirectory"] = _directory.Combine("storage"),
            ["IndexDirectory"] = _directory.Combine("index"),
            ["RemoteAccessAllowed"] = false,
            ["AuthenticationEnabled"] = false,
            ["DicomCheckCalledAet"] = false,
            ["Plugins"] = Array.Empty<string>(),
            ["DicomModalities"] = options.Modalities,
        };
        if (options.DicomWeb)
        {
            if (!File.Exists(OrthancOptions.DicomWebPluginPath))
            {
                _directory.Dispose();
                throw new InvalidOperationException($"The Orthanc DICOMweb plugin is missing at {OrthancOptions.DicomWebPluginPath}: run ./test.sh or `apt-get install -y orthanc-dicomweb`.");
            }

            config["Plugins"] = new[] { OrthancOptions.DicomWebPluginPath };
            config["DicomWeb"] = new Dictionary<string, object> { ["Enable"] = true, ["Root"] = "/dicom-web/" };
        }

        if (options.StableAgeSeconds is { } stableAge)
        {
            config["StableAge"] = stableAge;
        }

        if (options.UserMetadata.Count > 0)
        {
            config["UserMetadata"] = options.UserMetadata;
        }

        if (options.LuaScripts.Count > 0)
        {
            config["LuaScripts"] = options.LuaScripts;
        }

        options.Customize?.Invoke(config);
        var path = _directory.Combine("orthanc.json");
        File.WriteAllText(path, JsonSerializer.Serialize(config));
        _process = ExternalTool.Start("Orthanc", [path], workingDirectory: _directory.Path);
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        Http = new HttpClient { BaseAddress = RestRoot, Timeout = TimeSpan.FromSeconds(60) };
    }

    /// <summary>Orthanc's own AE title.</summary>
    public string AeTitle => "ORTHANC";

    /// <summary>The DICOM port on 127.0.0.1.</summary>
    public int DicomPort { get; }

    /// <summary>The HTTP (REST) port on 127.0.0.1.</summary>
    public int HttpPort { get; }

    /// <summary>The REST API root.</summary>
    public Uri RestRoot => new($"http://127.0.0.1:{HttpPort}/");

    /// <summary>The DICOMweb root (only served with <see cref="OrthancOptions.DicomWeb"/>).</summary>
    public Uri DicomWebRoot => new(RestRoot, "dicom-web/");

    /// <summary>A shared REST client (60 s timeout), disposed with the process.</summary>
    public HttpClient Http { get; }

    /// <summary>The last lines Orthanc printed (for failure messages).</summary>
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

    /// <summary>Starts Orthanc and waits until GET /system answers; fails if it exits or does not answer in time.</summary>
    public static async Task<OrthancProcess> StartAsync(OrthancOptions? options = null)
    {
        options ??= new OrthancOptions();
        var server = new OrthancProcess(options);
        var deadline = DateTime.UtcNow + options.StartTimeout;
        while (true)
        {
            if (server._process.HasExited)
            {
                var code = server._process.ExitCode;
                var log = server.Log;
                server.Dispose();
                throw new InvalidOperationException($"Orthanc exited at start with code {code}: {log}");
            }

            try
            {
                using var response = await server.Http.GetAsync(new Uri("system", UriKind.Relative));
                if (response.IsSuccessStatusCode)
                {
                    return server;
                }
            }
            catch (HttpRequestException)
            {
            }

            if (DateTime.UtcNow > deadline)
            {
                var log = server.Log;
                server.Dispose();
                throw new TimeoutException($"Orthanc did not answer on {server.RestRoot} within {options.StartTimeout.TotalSeconds} s: {log}");
            }

            await Task.Delay(100);
        }
    }

    /// <summary>A new REST client the caller disposes.</summary>
    public HttpClient Rest() => new() { BaseAddress = RestRoot };

    /// <summary>A new DICOMweb client the caller disposes.</summary>
    public HttpClient DicomWeb() => new() { BaseAddress = DicomWebRoot };

    /// <summary>The Orthanc IDs of all stored instances.</summary>
    public async Task<string[]> InstanceIdsAsync() => (await Http.GetFromJsonAsync<string[]>(new Uri("instances", UriKind.Relative)))!;

    /// <summary>POSTs a Part 10 file to /instances and returns Orthanc's Status ("Success", "AlreadyStored", ...).</summary>
    public async Task<string> StoreAsync(string path)
    {
        using var content = new ByteArrayContent(await File.ReadAllBytesAsync(path));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/dicom");
        using var response = await Http.PostAsync(new Uri("instances", UriKind.Relative), content);
        var body = await response.Content.ReadAsStringAsync();
        Xunit.Assert.True(response.IsSuccessStatusCode, $"Orthanc refused {Path.GetFileName(path)}: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.GetProperty("Status").GetString()!;
    }

    /// <summary>GETs a REST path and parses the JSON answer.</summary>
    public async Task<JsonElement> GetJsonAsync(string relative) =>
        JsonDocument.Parse(await Http.GetStringAsync(new Uri(relative, UriKind.Relative))).RootElement;

    /// <inheritdoc />
    public void Dispose()
    {
        Http.Dispose();
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill();
                _process.WaitForExit(10_000);
            }
        }
        catch (InvalidOperationException)
        {
        }
        finally
        {
            _process.Dispose();
            _directory.Dispose();
        }
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
