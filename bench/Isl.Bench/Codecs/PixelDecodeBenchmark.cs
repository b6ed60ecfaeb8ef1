using System.Diagnostics;
using Isl.Dicom;
using Isl.Dicom.Imaging;

namespace Isl.Bench.Codecs;

/// <summary>
/// Decodes the 28-slice GE head CT compressed by dcmtk (dcmcjpeg +e1, dcmcrle) with our codecs and with dcmtk's
/// own decompressors (dcmdjpeg, dcmdrle) on the same files, printing MB of decoded pixels per second of wall time
/// and per CPU-second (the fair figure on a busy machine) side by side.
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
            Console.WriteLine($"{"codec",-20} {"ours decode",16} {"ours file→file",16} {"dcmtk file→file",16} {"dcmtk − dcmconv",16}   (wall MB/s | CPU MB/s)");
            var baseline = TimeTool("dcmconv", ["+te"], originals, work);
            foreach (var (name, compressor, options, decompressor) in new[]
            {
                ("JPEG Lossless SV1", "dcmcjpeg", new[] { "+e1" }, "dcmdjpeg"),
                ("JPEG Lossless SV6", "dcmcjpeg", ["+el", "+sv", "6"], "dcmdjpeg"),
                ("RLE Lossless", "dcmcrle", [], "dcmdrle"),
            })
            {
                var compressed = originals.Select(f => Compress(compressor, options, f, Path.Combine(work, $"{name.Replace(' ', '-')}-{Path.GetFileName(f)}"))).ToArray();
                var (decode, file, bytes) = TimeOurs(compressed, work, repetitions);
                var dcmtk = TimeTool(decompressor, [], compressed, work);
                var decodeOnly = new Timing(dcmtk.Wall - baseline.Wall, dcmtk.Cpu - baseline.Cpu);
                var mb = bytes / 1e6;
                Console.WriteLine($"{name,-20} {Rate(mb, decode),16} {Rate(mb, file),16} {Rate(mb, dcmtk),16} {Rate(mb, decodeOnly),16}");
            }

            Console.WriteLine("ours decode = DicomPixelData.GetFrame on files already in memory; file→file = open, decompress, save Explicit VR LE;");
            Console.WriteLine("dcmtk file→file = one dcmdjpeg/dcmdrle process per file (includes process start); dcmtk − dcmconv subtracts dcmconv +te on the native files (n/a when noise makes it negative).");
            return 0;
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    private static (Timing Decode, Timing File, long Bytes) TimeOurs(string[] files, string work, int repetitions)
    {
        var loaded = files.Select(f => DicomFile.Open(f)).ToArray();
        long bytes = 0;
        foreach (var file in loaded)
        {
            bytes += DicomPixelData.Create(file).GetFrame(0).Length;
        }

        var decode = Measure(() =>
        {
            foreach (var file in loaded)
            {
                DicomPixelData.Create(file).GetFrame(0);
            }
        }, repetitions);
        var output = Path.Combine(work, "ours.dcm");
        var full = Measure(() =>
        {
            foreach (var file in files)
            {
                DicomTranscoder.Transcode(DicomFile.Open(file), DicomTransferSyntax.ExplicitVRLittleEndian).Save(output);
            }
        }, repetitions);
        return (decode, full, bytes);
    }

    private static Timing Measure(Action work, int repetitions)
    {
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var wall = Stopwatch.StartNew();
        for (var r = 0; r < repetitions; r++)
        {
            work();
        }

        return new Timing(wall.Elapsed.TotalSeconds / repetitions, (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds / repetitions);
    }

    /// <summary>Runs the tool once per file inside one bash, whose <c>times</c> reports the CPU its children used.</summary>
    private static Timing TimeTool(string tool, string[] options, string[] files, string work)
    {
        var list = Path.Combine(work, "files.txt");
        File.WriteAllLines(list, files);
        var script = $"while IFS= read -r f; do {tool} {string.Join(' ', options)} \"$f\" '{Path.Combine(work, tool + ".dcm")}' || exit 1; done < '{list}'; times";
        var wall = Stopwatch.StartNew();
        var times = Exec("bash", ["-c", script], tool);
        var seconds = wall.Elapsed.TotalSeconds;
        var children = times.Split('\n', StringSplitOptions.RemoveEmptyEntries)[^1].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return new Timing(seconds, ParseMinutesSeconds(children[0]) + ParseMinutesSeconds(children[1]));
    }

    private static double ParseMinutesSeconds(string text)
    {
        var m = text.IndexOf('m', StringComparison.Ordinal);
        return (double.Parse(text[..m], System.Globalization.CultureInfo.InvariantCulture) * 60)
            + double.Parse(text[(m + 1)..].TrimEnd('s'), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static string Rate(double mb, Timing timing) =>
        timing.Wall <= 0 || timing.Cpu <= 0 ? "n/a" : $"{mb / timing.Wall:F0} | {mb / timing.Cpu:F0}";

    private static string Compress(string tool, string[] options, string input, string output)
    {
        Exec(tool, [.. options, input, output], tool);
        return output;
    }

    private static string Exec(string tool, string[] arguments, string label)
    {
        var info = new ProcessStartInfo(tool) { UseShellExecute = false, RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException($"Could not start {tool} (apt-get install -y dcmtk).");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{tool} failed for {label}: {error}");
        }

        return stdout.Result;
    }

    private readonly record struct Timing(double Wall, double Cpu);

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
