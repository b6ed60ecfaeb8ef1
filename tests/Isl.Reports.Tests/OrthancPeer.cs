using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text.Json;
using Isl.Testing;

namespace Isl.Reports.Tests;

/// <summary>Orthanc (Debian package) in the foreground on free loopback ports, storing into a temp folder; stopped by PID.</summary>
internal sealed class OrthancPeer : IDisposable
{
    private readonly TempDirectory _directory = new("isl-reports-orthanc");
    private readonly Process _process;

    public OrthancPeer()
    {
        var config = new Dictionary<string, object>
        {
            ["Name"] = "isl-reports-test",
            ["DicomPort"] = FreePort.Next(),
            ["HttpPort"] = FreePort.Next(),
            ["StorageDirectory"] = _directory.Combine("storage"),
            ["IndexDirectory"] = _directory.Combine("storage"),
            ["RemoteAccessAllowed"] = false,
            ["AuthenticationEnabled"] = false,
            ["Plugins"] = Array.Empty<string>(),
        };
        var path = _directory.Combine("orthanc.json");
        File.WriteAllText(path, JsonSerializer.Serialize(config));
        _process = ExternalTool.Start("Orthanc", [path], redirect: false);
        Http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{config["HttpPort"]}/"), Timeout = TimeSpan.FromSeconds(60) };
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!Ready())
        {
            if (_process.HasExited || DateTime.UtcNow > deadline)
            {
                throw new InvalidOperationException($"Orthanc did not come up on {Http.BaseAddress} (exited: {_process.HasExited}).");
            }

            Thread.Sleep(100);
        }
    }

    public HttpClient Http { get; }

    /// <summary>POSTs a Part 10 file to /instances and returns Orthanc's Status ("Success", "AlreadyStored", ...).</summary>
    public async Task<string> StoreAsync(string path)
    {
        using var content = new ByteArrayContent(await File.ReadAllBytesAsync(path));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/dicom");
        using var response = await Http.PostAsync(new Uri("instances", UriKind.Relative), content);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"Orthanc refused {Path.GetFileName(path)}: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.GetProperty("Status").GetString()!;
    }

    public async Task<JsonElement> GetAsync(string relative) =>
        JsonDocument.Parse(await Http.GetStringAsync(new Uri(relative, UriKind.Relative))).RootElement;

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

    private bool Ready()
    {
        try
        {
            return Http.GetAsync(new Uri("system", UriKind.Relative)).GetAwaiter().GetResult().IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }
}
