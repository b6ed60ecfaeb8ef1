namespace Isl.Testing;

/// <summary>dicom3tools' IOD validator as a test assertion.</summary>
public static class Dciodvfy
{
    /// <summary>Runs <c>dciodvfy</c> and fails on any Error line (warnings are allowed; it exits 1 on errors); returns its output.</summary>
    public static string AssertClean(string path)
    {
        var result = ExternalTool.Run("dciodvfy", [path]);
        var errors = result.Output.Split('\n').Where(l => l.StartsWith("Error", StringComparison.Ordinal)).ToList();
        Xunit.Assert.True(errors.Count == 0 && result.ExitCode == 0, $"dciodvfy {Path.GetFileName(path)} (exit {result.ExitCode}):\n{result.Output}");
        return result.Output;
    }
}
