using System.Diagnostics;
using System.Text;

namespace Isl.Testing;

/// <summary>The outcome of running a peer tool to completion.</summary>
/// <param name="ExitCode">The process exit code.</param>
/// <param name="StdOut">Everything written to standard output.</param>
/// <param name="StdErr">Everything written to standard error.</param>
public sealed record ToolResult(int ExitCode, string StdOut, string StdErr)
{
    /// <summary>Both streams, for assertion messages.</summary>
    public string Output => StdOut + StdErr;
}

/// <summary>
/// Runs the real DICOM peers (dcmtk, dicom3tools, Orthanc, ...) from tests. A missing tool fails the
/// test with the package to install; tests never skip silently.
/// </summary>
public static class ExternalTool
{
    private static readonly Dictionary<string, string> PackageOf = new(StringComparer.Ordinal)
    {
        ["dcmdump"] = "dcmtk", ["dcmconv"] = "dcmtk", ["dcmdjpeg"] = "dcmtk", ["dcmdrle"] = "dcmtk",
        ["dcmcrle"] = "dcmtk", ["dcmcjpeg"] = "dcmtk", ["dcmicmp"] = "dcmtk", ["storescu"] = "dcmtk",
        ["storescp"] = "dcmtk", ["echoscu"] = "dcmtk", ["dsrdump"] = "dcmtk", ["findscu"] = "dcmtk",
        ["dciodvfy"] = "dicom3tools", ["dcentvfy"] = "dicom3tools", ["Orthanc"] = "orthanc",
    };

    /// <summary>The full path of <paramref name="tool"/>; fails with an install hint when absent.</summary>
    public static string Require(string tool)
    {
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Append("/usr/sbin").Append("/usr/bin"))
        {
            var candidate = Path.Combine(dir, tool);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        var package = PackageOf.TryGetValue(tool, out var p) ? p : tool;
        throw new InvalidOperationException($"The peer tool '{tool}' is not installed: run ./test.sh or `apt-get install -y {package}`.");
    }

    /// <summary>Starts <paramref name="tool"/> with TCP_NODELAY=1 (see DESIGN.md) and waits for it.</summary>
    public static ToolResult Run(string tool, IEnumerable<string> arguments, TimeSpan? timeout = null, string? workingDirectory = null, IDictionary<string, string>? environment = null)
    {
        using var process = Start(tool, arguments, workingDirectory, environment);
        var stdout = new StringBuilder();
        var stderr = new StringBuilder();
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { lock (stdout) { stdout.AppendLine(e.Data); } } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { lock (stderr) { stderr.AppendLine(e.Data); } } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!process.WaitForExit(timeout ?? TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{tool} {string.Join(' ', arguments)} did not finish in time.");
        }

        process.WaitForExit();
        return new ToolResult(process.ExitCode, stdout.ToString(), stderr.ToString());
    }

    /// <summary>Starts a long-running peer (a server); the caller owns and stops the process.</summary>
    public static Process Start(string tool, IEnumerable<string> arguments, string? workingDirectory = null, IDictionary<string, string>? environment = null, bool redirect = true)
    {
        var info = new ProcessStartInfo(Require(tool))
        {
            RedirectStandardOutput = redirect,
            RedirectStandardError = redirect,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        info.Environment["TCP_NODELAY"] = "1";
        if (environment is not null)
        {
            foreach (var (key, value) in environment)
            {
                info.Environment[key] = value;
            }
        }

        return Process.Start(info) ?? throw new InvalidOperationException($"Could not start {tool}.");
    }
}
