using System.Net;
using Isl.PacsAgent.Hosting;
using Isl.PacsAgent.Ingest;
using Isl.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Isl.PacsAgent.Tests.TestSupport;

/// <summary>Agent settings for tests: everything under one temp folder, loopback HTTP on a free port, the SCP off unless asked.</summary>
public static class AgentFixture
{
    public static Dictionary<string, string?> Settings(TempDirectory temp, double stableAgeSeconds = 1, bool dicom = false) => new()
    {
        ["Storage:SpoolPath"] = temp.Combine("spool"),
        ["Storage:DatabasePath"] = temp.Combine("agent.db"),
        ["Storage:SchedulerDatabasePath"] = temp.Combine("scheduler.db"),
        ["Storage:OutputPath"] = temp.Combine("outputs"),
        ["Http:Port"] = FreePort.Next().ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Dicom:Enabled"] = dicom ? "true" : "false",
        ["Assembly:StableAgeSeconds"] = stableAgeSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Delivery:PollIntervalSeconds"] = "0.1",
        ["Logging:LogLevel:Default"] = "Warning",
    };

    /// <summary>Adds a C-STORE destination "pacs" (AE PACS on 127.0.0.1:104); tests replace its sender with a recording one.</summary>
    public static void AddCStoreDestination(Dictionary<string, string?> settings)
    {
        settings["Delivery:Destinations:0:Name"] = "pacs";
        settings["Delivery:Destinations:0:Kind"] = "CStore";
        settings["Delivery:Destinations:0:Host"] = "127.0.0.1";
        settings["Delivery:Destinations:0:Port"] = "104";
        settings["Delivery:Destinations:0:CalledAeTitle"] = "PACS";
    }

    /// <summary>Ingests <paramref name="files"/> as the SCP would, asserting each is accepted.</summary>
    public static async Task IngestAsync(WebApplication app, IEnumerable<string> files)
    {
        var ingest = app.Services.GetRequiredService<InstanceIngest>();
        foreach (var file in files)
        {
            Assert.Equal(IngestOutcome.Accepted, await ingest.AcceptFileAsync(file, CancellationToken.None));
        }
    }

    public static WebApplication Build(IReadOnlyDictionary<string, string?> settings, Action<IServiceCollection>? services = null) =>
        AgentHost.Build(new AgentHostSettings { Overrides = settings, ConfigureServices = services });

    public static Uri HttpRoot(IReadOnlyDictionary<string, string?> settings) =>
        new($"http://{IPAddress.Loopback}:{settings["Http:Port"]}/");

    public static Task WaitForAsync(Func<bool> condition, TimeSpan timeout, string what) => WaitForAsync(condition, timeout, what, () => "");

    public static async Task WaitForAsync(Func<bool> condition, TimeSpan timeout, string what, Func<string> state)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Timed out after {timeout.TotalSeconds} s waiting for {what}. {state()}");
            }

            await Task.Delay(50);
        }
    }
}
