using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Isl.Testing;

namespace Isl.PacsAgent.Tests.TestSupport;

/// <summary>
/// The real agent executable (<c>dotnet isl-agent.dll run</c>) as an administrator runs it, with its storage, DICOM
/// and HTTP ports from a JSON configuration (<c>--config FILE</c>) or environment variables; killed with SIGKILL by PID.
/// </summary>
public sealed class AgentProcess : IDisposable
{
    private static readonly string AgentDll = Path.Combine(AppContext.BaseDirectory, "isl-agent.dll");
    private readonly StringBuilder _log = new();
    private readonly Process _process;

    private AgentProcess(IEnumerable<string> arguments, string? workingDirectory, IDictionary<string, string>? environment)
    {
        _process = ExternalTool.Start("dotnet", arguments, workingDirectory, environment);
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public HttpClient Http { get; private init; } = null!;

    public int ProcessId => _process.Id;

    /// <summary>What the agent printed (its console log), for failure messages.</summary>
    public string Log
    {
        get
        {
            lock (_log)
            {
                var text = _log.ToString();
                return text.Length > 6000 ? text[^6000..] : text;
            }
        }
    }

    /// <summary>
    /// Writes the configuration for an agent under <paramref name="root"/> (spool, databases, outputs) listening for any
    /// caller on <paramref name="dicomPort"/>, its HTTP API on <paramref name="httpPort"/>, with the demo bundle on the CPU, accepting series of <see cref="PhantomFiles.SharedSlices"/> slices.
    /// </summary>
    public static Dictionary<string, object> Configuration(string root, int dicomPort, int httpPort, double stableAgeSeconds) => new()
    {
        ["Logging"] = new Dictionary<string, object> { ["LogLevel"] = new Dictionary<string, string> { ["Default"] = "Information", ["Microsoft"] = "Warning", ["Quartz"] = "Warning", ["System.Net.Http.HttpClient"] = "Warning" } },
        ["Dicom"] = new Dictionary<string, object> { ["Enabled"] = true, ["Port"] = dicomPort, ["BindAddress"] = "127.0.0.1", ["AllowAnyCaller"] = true },
        ["Http"] = new Dictionary<string, object> { ["Address"] = "127.0.0.1", ["Port"] = httpPort },
        ["Assembly"] = new Dictionary<string, object> { ["StableAgeSeconds"] = stableAgeSeconds },
        ["SeriesSelection"] = new Dictionary<string, object> { ["MinSlices"] = PhantomFiles.SharedSlices },
        ["Scoring"] = new Dictionary<string, object> { ["BundlePath"] = RepositoryRoot.Combine("samples", "models", "head-ct-demo"), ["Device"] = "cpu" },
        ["Storage"] = new Dictionary<string, object>
        {
            ["SpoolPath"] = Path.Combine(root, "spool"),
            ["DatabasePath"] = Path.Combine(root, "agent.db"),
            ["SchedulerDatabasePath"] = Path.Combine(root, "scheduler.db"),
            ["OutputPath"] = Path.Combine(root, "outputs"),
        },
    };

    /// <summary>Adds an Orthanc REST destination (with the IslTriage metadata) and a quick retry schedule to <paramref name="configuration"/>.</summary>
    public static void AddOrthancDestination(Dictionary<string, object> configuration, Uri orthancRestRoot) =>
        configuration["Delivery"] = new Dictionary<string, object>
        {
            ["PollIntervalSeconds"] = 0.2,
            ["InitialBackoffSeconds"] = 1,
            ["MaxBackoffSeconds"] = 4,
            ["Destinations"] = new[] { new Dictionary<string, object> { ["Name"] = "orthanc", ["Kind"] = "OrthancRest", ["Url"] = orthancRestRoot.ToString() } },
        };

    /// <summary>Writes <paramref name="configuration"/> to <paramref name="path"/>, starts the agent and waits until <c>/health</c> answers.</summary>
    public static async Task<AgentProcess> StartAsync(string path, Dictionary<string, object> configuration)
    {
        await File.WriteAllTextAsync(path, JsonSerializer.Serialize(configuration));
        var http = (Dictionary<string, object>)configuration["Http"];
        return await StartAsync([AgentDll, "run", "--config", path], Path.GetDirectoryName(path), null, Convert.ToInt32(http["Port"], CultureInfo.InvariantCulture));
    }

    /// <summary>
    /// Starts <c>dotnet <paramref name="agentDll"/> run</c> in <paramref name="workingDirectory"/>, configured only by
    /// <paramref name="environment"/> (<c>ISL_AGENT_Section__Key</c>), and waits until <c>/health</c> answers on <paramref name="httpPort"/>.
    /// </summary>
    public static Task<AgentProcess> StartAsync(string agentDll, string workingDirectory, IDictionary<string, string> environment, int httpPort) =>
        StartAsync([agentDll, "run"], workingDirectory, environment, httpPort);

    private static async Task<AgentProcess> StartAsync(string[] arguments, string? workingDirectory, IDictionary<string, string>? environment, int httpPort)
    {
        var agent = new AgentProcess(arguments, workingDirectory, environment)
        {
            Http = new HttpClient { BaseAddress = new Uri(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{httpPort}/")), Timeout = TimeSpan.FromSeconds(10) },
        };
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (true)
        {
            if (agent._process.HasExited)
            {
                var message = $"isl-agent run exited at start with code {agent._process.ExitCode}: {agent.Log}";
                agent.Dispose();
                throw new InvalidOperationException(message);
            }

            try
            {
                using var response = await agent.Http.GetAsync(new Uri("health", UriKind.Relative));
                if (response.IsSuccessStatusCode)
                {
                    return agent;
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
            }

            if (DateTime.UtcNow > deadline)
            {
                var message = $"isl-agent run did not answer /health within 60 s: {agent.Log}";
                agent.Dispose();
                throw new TimeoutException(message);
            }

            await Task.Delay(100);
        }
    }

    /// <summary>The agent's record of a study (<c>GET /api/studies/{uid}</c>), or null when it does not know it.</summary>
    public async Task<JsonElement?> StudyAsync(string studyInstanceUid)
    {
        using var response = await Http.GetAsync(new Uri($"api/studies/{studyInstanceUid}", UriKind.Relative));
        if (response.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
            return null;
        }

        response.EnsureSuccessStatusCode();
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("study");
    }

    /// <summary>The study's pipeline state name, or "unknown".</summary>
    public async Task<string> StateAsync(string studyInstanceUid) =>
        await StudyAsync(studyInstanceUid) is { } study ? StateName(study) : "unknown";

    /// <summary>The state of a study record as the API serialises it (a number or a name).</summary>
    public static string StateName(JsonElement study)
    {
        var state = study.GetProperty("state");
        return state.ValueKind == JsonValueKind.Number
            ? ((Isl.PacsAgent.Storage.StudyState)state.GetInt32()).ToString()
            : state.GetString()!;
    }

    /// <summary>Waits until the study reaches <paramref name="state"/>; fails early when it ends in another terminal state.</summary>
    public async Task<JsonElement> WaitForStateAsync(string studyInstanceUid, string state, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var study = await StudyAsync(studyInstanceUid);
            var current = study is { } s ? StateName(s) : "unknown";
            if (current == state)
            {
                return study!.Value;
            }

            if (current is "Failed" or "NotAnalysed" or "Done")
            {
                throw new InvalidOperationException($"Study {studyInstanceUid} ended {current} instead of {state}: {study}\n{Log}");
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Timed out after {timeout.TotalSeconds} s waiting for study {studyInstanceUid} to be {state} (it is {current}).\n{Log}");
            }

            await Task.Delay(200);
        }
    }

    /// <summary>Kills the process with SIGKILL (no shutdown hooks run) and waits for it to be gone.</summary>
    public void KillHard()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            _process.WaitForExit(10_000);
        }
    }

    public void Dispose()
    {
        KillHard();
        _process.Dispose();
        Http?.Dispose();
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
