using Isl.Testing;

namespace Isl.PacsAgent.Tests.TestSupport;

/// <summary>The dcmtk and dicom3tools checks the end-to-end tests run on what the agent received and produced.</summary>
public static class PeerChecks
{
    /// <summary>Sends every file under <paramref name="directory"/> with dcmtk's <c>storescu</c> (AE STORESCU) and fails unless it exits 0.</summary>
    public static void StoreScu(int port, string directory, string calledAeTitle = "ISL_AGENT")
    {
        var result = ExternalTool.Run("storescu", ["-aet", "STORESCU", "-aec", calledAeTitle, "+sd", "+r", "127.0.0.1", port.ToString(System.Globalization.CultureInfo.InvariantCulture), directory], TimeSpan.FromSeconds(60));
        Assert.True(result.ExitCode == 0, $"storescu to port {port} failed (exit {result.ExitCode}):\n{result.Output}");
    }

    /// <summary><c>dsrdump</c>'s tree with code triplets and whole texts; fails unless it exits 0.</summary>
    public static string Dsrdump(string path)
    {
        var result = ExternalTool.Run("dsrdump", ["+Pc", "+Pl", path]);
        Assert.True(result.ExitCode == 0, $"dsrdump {Path.GetFileName(path)} failed (exit {result.ExitCode}):\n{result.Output}");
        return result.StdOut;
    }
}
