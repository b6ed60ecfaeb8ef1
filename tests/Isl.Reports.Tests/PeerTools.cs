using Isl.Dicom;
using Isl.Testing;

namespace Isl.Reports.Tests;

/// <summary>Writes built datasets as Part 10 files and runs the DICOM validators on them.</summary>
internal static class PeerTools
{
    private const string PixelmedJar = "/usr/share/java/pixelmed.jar";

    public static string Save(DicomDataset dataset, TempDirectory folder, string name)
    {
        var path = folder.Combine(name);
        new DicomFile(dataset, DicomTransferSyntax.ExplicitVRLittleEndian).Save(path);
        if (Environment.GetEnvironmentVariable("ISL_KEEP_REPORTS") is { Length: > 0 } keep)
        {
            Directory.CreateDirectory(keep);
            File.Copy(path, Path.Combine(keep, name), overwrite: true); // for inspecting the outputs by hand
        }

        return path;
    }

    /// <summary>dsrdump's tree with codes (+Pc prints the code triplets, +Pl whole texts); fails when it does not exit 0.</summary>
    public static string Dsrdump(string path)
    {
        var result = ExternalTool.Run("dsrdump", ["+Pc", "+Pu", "+Pl", path]);
        Assert.True(result.ExitCode == 0, $"dsrdump failed (exit {result.ExitCode}):\n{result.Output}");
        return result.StdOut;
    }

    /// <summary>The pixels dcmtk's dcm2pnm decodes from <paramref name="path"/> (binary PPM body: interleaved 8-bit RGB).</summary>
    public static byte[] DecodeWithDcmtk(string path)
    {
        if (!File.Exists("/usr/bin/dcm2pnm"))
        {
            throw new InvalidOperationException("dcm2pnm is not installed: run ./test.sh or `apt-get install -y dcmtk`.");
        }

        var ppm = path + ".ppm";
        var result = ExternalTool.Run("dcm2pnm", ["+op", path, ppm]);
        Assert.True(result.ExitCode == 0, $"dcm2pnm failed (exit {result.ExitCode}):\n{result.Output}");
        var bytes = File.ReadAllBytes(ppm);
        var newlines = 0;
        var offset = 0;
        while (newlines < 3)
        {
            newlines += bytes[offset++] == (byte)'\n' ? 1 : 0; // "P6\n<w> <h>\n255\n"
        }

        return bytes[offset..];
    }

    /// <summary>pixelmed's DicomSRValidator (IOD + templates); returns its output. It always exits 0.</summary>
    public static string PixelmedSrValidator(string path)
    {
        if (!File.Exists(PixelmedJar))
        {
            throw new InvalidOperationException($"pixelmed is not installed ({PixelmedJar} missing): `apt-get install -y pixelmed-apps`.");
        }

        var result = ExternalTool.Run("java",
        [
            "-XX:TieredStopAtLevel=1", // C1 only: halves the one-shot stylesheet compile
            "-Djdk.xml.xpathExprGrpLimit=0", "-Djdk.xml.xpathExprOpLimit=0", "-Djdk.xml.xpathTotalOpLimit=0",
            "-cp", PixelmedJar, "com.pixelmed.validate.DicomSRValidator", path,
        ], TimeSpan.FromMinutes(3));
        return result.Output;
    }
}
