using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Isl.Testing;

namespace Isl.Dicom.Network.Tests.Integration;

/// <summary>Orthanc from the Debian package in the foreground on free loopback ports with a temporary config; stopped by PID.</summary>
internal sealed class OrthancHost : IDisposable
{
    private readonly TempDirectory _directory = new("isl-orthanc");
    private readonly Process _process;

    public OrthancHost(IDictionary<string, object>? modalities = null)
    {
        DicomPort = FreePort.Next();
        HttpPort = FreePort.Next();
        var config = new Dictionary<string, object>
        {
            ["Name"] = "isl-test",
            ["DicomAet"] = "ORTHANC",
            ["DicomPort"] = DicomPort,
            ["HttpPort"] = HttpPort,
            ["StorageDirectory"] = _directory.Combine("storage"),
            ["IndexDirectory"] = _directory.Combine("storage"),
            ["RemoteAccessAllowed"] = false,
            ["AuthenticationEnabled"] = false,
            ["DicomCheckCalledAet"] = false,
            ["Plugins"] = Array.Empty<string>(),
            ["DicomModalities"] = modalities ?? new Dictionary<string, object>(),
        };
        var path = _directory.Combine("orthanc.json");
        File.WriteAllText(path, JsonSerializer.Serialize(config));
        _process = ExternalTool.Start("Orthanc", [path], redirect: false);
        Http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{HttpPort}/"), Timeout = TimeSpan.FromSeconds(60) };
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            try
            {
                if (Http.GetAsync("system").GetAwaiter().GetResult().IsSuccessStatusCode)
                {
                    break;
                }
            }
            catch (HttpRequestException)
            {
            }

            if (_process.HasExited || DateTime.UtcNow > deadline)
            {
                throw new InvalidOperationException($"Orthanc did not come up on HTTP port {HttpPort} (exited: {_process.HasExited}).");
            }

            Thread.Sleep(100);
        }
    }

    public int DicomPort { get; }

    public int HttpPort { get; }

    public HttpClient Http { get; }

    public async Task<string[]> InstanceIdsAsync() => (await Http.GetFromJsonAsync<string[]>("instances"))!;

    public void Dispose()
    {
        Http.Dispose();
        try
        {
            _process.Kill();
            _process.WaitForExit(10000);
        }
        catch (InvalidOperationException)
        {
        }

        _process.Dispose();
        _directory.Dispose();
    }
}
