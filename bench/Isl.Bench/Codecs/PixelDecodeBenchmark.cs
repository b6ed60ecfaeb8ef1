using System.Diagnostics;
using Isl.Dicom;
using Isl.Dicom.Imaging;

namespace Isl.Bench.Codecs;

/// <summary>
/// Decodes the 28-slice GE head CT compressed by dcmtk (dcmcjpeg +e1, dcmcrle) with our codecs and with dcmtk's
/// own decompressors (dcmdjpeg, dcmdrle) on the same files, printing MB/s of decoded pixels side by side.
/// Usage: <c>isl-bench pixel-decode [GE_SERIES_DIR] [REPETITIONS]</c>.
/// </summary>
internal static class PixelDecodeBenchmark
{
    public static int Run(string[] args)
    {
        var series = args.Length > 0 ? args[0] : FindSeries();
        var repetitions = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 5;
        var originals = Directory.GetFiles(series, "*.dcm").Order(StringComparer.Ordinal).ToArray();
        var work = Path.Combine(Path.GetTempPath(), $"isl-bench-pixel-{Environment.ProcessId}");
        Directory.CreateDirectory(work);
        try
        {
            Console.WriteLine($"GE head CT: {originals.Length} slices from {series}; {repetitions} repetitions; {Environment.ProcessorCount} cores");
            Console.WriteLine($"{"codec",-22} {"ours decode",14} {"ours file→file",16} {"dcmtk file→file",17} {"dcmtk minus dcmconv",21}");
            var baseline = TimeTool("dcmconv", ["+te"], originals, work, "baseline");
            foreach (var (name, compressor, options, decompressor) in new[]
            {
                ("JPEG Lossless SV1", "dcmcjpeg", new[] { "+e1" }, "dcmdjpeg"),
                ("JPEG Lossless SV6", "dcmcjpeg", ["+el", "+sv", "6"], "dcmdjpeg"),
                ("RLE Lossless", "dcmcrle", [], "dcmdrle"),
            })
            {
                var compressed = originals.Select(f => Compress(compressor, options, f, Path.Combine(work, $"{name.Replace(' ', '-')}-{Path.GetFileName(f)}"))).ToArray();
                var (decodeSeconds, fileSeconds, bytes) = TimeOurs(compressed, work, repetitions);
                var dcmtkSeconds = TimeTool(decompressor, [], compressed, work, name);
                var mb = bytes / 1e6;
                Console.WriteLine($"{name,-22} {mb / decodeSeconds,10:F0} MB/s {mb / fileSeconds,12:F0} MB/s {mb / dcmtkSeconds,13:F0} MB/s {mb / Math.Max(1e-9, dcmtkSeconds - baseline),17:F0} MB/s");
            }

            Console.WriteLine("ours decode = DicomPixelData.GetFrame on files already in memory; file→file = open, decompress, save Explicit VR LE;");
            Console.WriteLine("dcmtk file→file = one dcmdjpeg/dcmdrle process per file (includes process start); the last column subtracts dcmconv +te on the native files.");
            return 0;
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    private static (double DecodeSeconds, double FileSeconds, long Bytes) TimeOurs(string[] files, string work, int repetitions)
    {
        var loaded = files.Select(f => DicomFile.Open(f)).ToArray();
        long bytes = 0;
        foreach (var file in loaded)
        {
            bytes += DicomPixelData.Create(file).GetFrame(0).Length;
        }

        var decode = Stopwatch.StartNew();
        for (var r = 0; r < repetitions; r++)
        {
            foreach (var file in loaded)
            {
                DicomPixelData.Create(file).GetFrame(0);
            }
        }

        var decodeSeconds = decode.Elapsed.TotalSeconds / repetitions;
        var output = Path.Combine(work, "ours.dcm");
        var full = Stopwatch.StartNew();
        for (var r = 0; r < repetitions; r++)
        {
            foreach (var file in files)
            {
                DicomTranscoder.Transcode(DicomFile.Open(file), DicomTransferSyntax.ExplicitVRLittleEndian).Save(output);
            }
        }

        return (decodeSeconds, full.Elapsed.TotalSeconds / repetitions, bytes);
    }

    private static double TimeTool(string tool, string[] options, string[] files, string work, string label)
    {
        var output = Path.Combine(work, $"{tool}.dcm");
        var watch = Stopwatch.StartNew();
        foreach (var file in files)
        {
            Exec(tool, [.. options, file, output], label);
        }

        return watch.Elapsed.TotalSeconds;
    }

    private static string Compress(string tool, string[] options, string input, string output)
    {
        Exec(tool, [.. options, input, output], tool);
        return output;
    }

    private static void Exec(string tool, string[] arguments, string label)
    {
        var info = new ProcessStartInfo(tool) { UseShellExecute = false, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException($"Could not start {tool} (apt-get install -y dcmtk).");
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{tool} failed for {label}: {error}");
        }
    }

    private static string FindSeries()
    {
        var shared = Environment.GetEnvironmentVariable("ISL_SHARED_DATA");
        if (!string.IsNullOrEmpty(shared))
        {
            return Path.Combine(shared, "head-ct-ge-tilt");
        }

        for (var dir = new DirectoryInfo(Environment.CurrentDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "data", "head-ct-ge-tilt");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException("head-ct-ge-tilt not found: pass its folder or set ISL_SHARED_DATA.");
    }
}
