using System.Diagnostics;
using System.Globalization;
using Isl.Dicom;

namespace Isl.Bench.Dicom;

/// <summary>
/// Reads the 28-slice GE series headers-only and fully, and writes it back, beside dcmtk doing the same work in the
/// same run (dcmdump -M / dcmdump / dcmconv). Prints time per series, MB/s of file bytes and files/s.
/// Usage: <c>isl-bench dicom-io [GE_SERIES_DIR] [REPETITIONS]</c>.
/// </summary>
internal static class DicomIoBenchmark
{
    public static int Run(string[] args)
    {
        var series = args.Length > 0 ? args[0] : FindSeries();
        var repetitions = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 7;
        var files = Directory.GetFiles(series, "*.dcm").Order(StringComparer.Ordinal).ToArray();
        var bytes = files.Sum(f => new FileInfo(f).Length);
        var work = Path.Combine(Path.GetTempPath(), $"isl-bench-dicom-io-{Environment.ProcessId}");
        Directory.CreateDirectory(work);
        try
        {
            Console.WriteLine($"GE head CT: {files.Length} files, {bytes / 1e6:F1} MB, from {series}; best and median of {repetitions} runs; {Environment.ProcessorCount} cores");
            Console.WriteLine($"{"work",-40} {"best ms",9} {"MB/s",7} {"files/s",8} {"median ms",10} {"MB/s",7}");
            var headerOptions = new DicomReadOptions { StopAtTag = DicomTags.PixelData };
            Report("headers: ours (open, stop at PixelData)", Median(repetitions, () => Each(files, f => DicomFile.Open(f, headerOptions))), bytes, files.Length);
            Report("headers: ours + dcmdump-like listing", Median(repetitions, () => Each(files, f => DicomDatasetPrinter.Print(DicomFile.Open(f, headerOptions).Dataset, TextWriter.Null))), bytes, files.Length);
            Report("headers: dcmdump -M (one process)", Median(repetitions, () => Tool("dcmdump", ["-q", "-M", .. files])), bytes, files.Length);
            Report("full read: ours (open, all values)", Median(repetitions, () => Each(files, f => DicomFile.Open(f).Dataset.GetBytes(DicomTags.PixelData))), bytes, files.Length);
            Report("full read: ours + listing", Median(repetitions, () => Each(files, f => DicomDatasetPrinter.Print(DicomFile.Open(f).Dataset, TextWriter.Null))), bytes, files.Length);
            Report("full read: dcmdump (one process)", Median(repetitions, () => Tool("dcmdump", ["-q", .. files])), bytes, files.Length);
            var loaded = files.Select(f => DicomFile.Open(f)).ToArray();
            Report("write: ours (save loaded datasets)", Median(repetitions, () => Each(loaded, (f, i) => f.Save(Path.Combine(work, $"ours-{i}.dcm")))), bytes, files.Length);
            Report("read+write: ours (open, save)", Median(repetitions, () => Each(files, (f, i) => DicomFile.Open(f).Save(Path.Combine(work, $"ours-{i}.dcm")))), bytes, files.Length);
            Report("read+write: dcmconv (process per file)", Median(repetitions, () => Each(files, (f, i) => Tool("dcmconv", ["-q", f, Path.Combine(work, $"dcmtk-{i}.dcm")]))), bytes, files.Length);
            Report("read+write: ours deflated", Median(repetitions, () => Each(files, (f, i) => Deflate(f, Path.Combine(work, $"ours-dfl-{i}.dcm")))), bytes, files.Length);
            Report("read+write: dcmconv +td (deflated)", Median(repetitions, () => Each(files, (f, i) => Tool("dcmconv", ["-q", "+td", f, Path.Combine(work, $"dcmtk-dfl-{i}.dcm")]))), bytes, files.Length);
            var fiveHundred = Enumerable.Repeat(files, 18).SelectMany(f => f).ToArray();
            var elapsed = Median(repetitions, () => Each(fiveHundred, f => DicomFile.Open(f, headerOptions)));
            Console.WriteLine($"{fiveHundred.Length} headers (a 500-slice series): ours best {elapsed.Best.TotalMilliseconds:F0} ms, median {elapsed.Median.TotalMilliseconds:F0} ms");
            Console.WriteLine("dcmdump/dcmconv times include their process start (dcmdump: one per pass; dcmconv: one per file); ours runs in-process, warmed up.");
            return 0;
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    private static void Deflate(string source, string target) =>
        new DicomFile(DicomFile.Open(source).Dataset, DicomTransferSyntax.DeflatedExplicitVRLittleEndian).Save(target);

    private static void Report(string work, (TimeSpan Best, TimeSpan Median) elapsed, long bytes, int files) =>
        Console.WriteLine($"{work,-40} {elapsed.Best.TotalMilliseconds,9:F1} {bytes / 1e6 / elapsed.Best.TotalSeconds,7:F0} {files / elapsed.Best.TotalSeconds,8:F0} {elapsed.Median.TotalMilliseconds,10:F1} {bytes / 1e6 / elapsed.Median.TotalSeconds,7:F0}");

    /// <summary>Best and median wall time (the best is the fairest figure on a shared, loaded machine).</summary>
    private static (TimeSpan Best, TimeSpan Median) Median(int repetitions, Action action)
    {
        action(); // warm-up (JIT, page cache)
        var times = new List<TimeSpan>();
        for (var i = 0; i < repetitions; i++)
        {
            var watch = Stopwatch.StartNew();
            action();
            times.Add(watch.Elapsed);
        }

        times.Sort();
        return (times[0], times[times.Count / 2]);
    }

    private static void Each<T>(T[] items, Action<T> action)
    {
        foreach (var item in items)
        {
            action(item);
        }
    }

    private static void Each<T>(T[] items, Action<T, int> action)
    {
        for (var i = 0; i < items.Length; i++)
        {
            action(items[i], i);
        }
    }

    private static void Tool(string tool, string[] arguments)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{tool} did not start (apt-get install -y dcmtk)");
        var drainError = process.StandardError.ReadToEndAsync();
        var buffer = new char[65536];
        while (process.StandardOutput.Read(buffer, 0, buffer.Length) > 0)
        {
        }

        process.WaitForExit();
        _ = drainError.Result;
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{tool} failed with exit code {process.ExitCode}");
        }
    }

    private static string FindSeries()
    {
        var env = Environment.GetEnvironmentVariable("ISL_SHARED_DATA");
        if (!string.IsNullOrEmpty(env))
        {
            return Path.Combine(env, "head-ct-ge-tilt");
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "data", "head-ct-ge-tilt");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException("shared/data/head-ct-ge-tilt not found above the binaries; pass its path or set ISL_SHARED_DATA.");
    }
}
