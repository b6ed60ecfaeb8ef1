using System.Collections.Concurrent;
using Isl.Dicom;
using Isl.Phantoms;

namespace Isl.PacsAgent.Tests.TestSupport;

/// <summary>Synthetic head CT studies from Isl.Phantoms written as plain Part 10 CT files (no labels or masks beside them).</summary>
public static class PhantomFiles
{
    private static readonly string CacheRoot = Path.Combine(Path.GetTempPath(), $"isl-phantom-cache-{Environment.ProcessId}");
    private static readonly ConcurrentDictionary<string, Lazy<string>> Cache = new(StringComparer.Ordinal);

    static PhantomFiles()
    {
        // The test host is often killed before ProcessExit runs: caches of test runs that are gone are removed here.
        foreach (var stale in Directory.EnumerateDirectories(Path.GetTempPath(), "isl-phantom-cache-*"))
        {
            if (int.TryParse(Path.GetFileName(stale)["isl-phantom-cache-".Length..], out var pid) && pid != Environment.ProcessId && !IsRunning(pid))
            {
                try
                {
                    Directory.Delete(stale, recursive: true);
                }
                catch (IOException)
                {
                    // Another test run is clearing it too.
                }
            }
        }

        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            if (Directory.Exists(CacheRoot))
            {
                Directory.Delete(CacheRoot, recursive: true);
            }
        };
    }

    private static bool IsRunning(int pid)
    {
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    /// <summary>Slices of the shared studies: few, to keep the real-model tests short (<see cref="AgentProcess"/> lowers MinSlices to match).</summary>
    public const int SharedSlices = 10;

    /// <summary>The phantom normal study the end-to-end tests share (generated once per test run).</summary>
    public static (string StudyInstanceUid, string Directory) SharedNormal => Shared("normal-101", Normal(101, SharedSlices));

    /// <summary>The phantom hemorrhage study the end-to-end tests share (generated once per test run).</summary>
    public static (string StudyInstanceUid, string Directory) SharedHemorrhage => Shared("hemorrhage-202", Hemorrhage(202, SharedSlices));

    /// <summary>A normal study.</summary>
    public static PhantomSpec Normal(int seed, int slices) => PhantomSpec.Normal(seed) with { SliceCount = slices };

    /// <summary>A study with one large intraparenchymal hemorrhage.</summary>
    public static PhantomSpec Hemorrhage(int seed, int slices) => new()
    {
        Seed = seed,
        Cohort = "ABNORMAL",
        SliceCount = slices,
        Lesions = [new LesionRequest(LesionType.IntraparenchymalHemorrhage, LesionSize.Large)],
    };

    /// <summary>Generates the study and writes its slices (Explicit VR LE) into <paramref name="directory"/>; returns the study UID.</summary>
    public static string Write(PhantomSpec spec, string directory)
    {
        var study = PhantomGenerator.Generate(spec, CancellationToken.None);
        Directory.CreateDirectory(directory);
        for (var i = 0; i < study.SliceCount; i++)
        {
            new DicomFile(study.CreateDataset(i), DicomTransferSyntax.ExplicitVRLittleEndian).Save(Path.Combine(directory, $"CT{i + 1:0000}.dcm"));
        }

        return study.Identity.StudyInstanceUid;
    }

    // Generating a 512² phantom slice costs about a second on a busy 2-core box, so each study is made once; callers only read the folder.
    private static (string StudyInstanceUid, string Directory) Shared(string name, PhantomSpec spec)
    {
        var directory = Path.Combine(CacheRoot, name);
        var uid = Cache.GetOrAdd(name, _ => new Lazy<string>(() => Write(spec, directory), LazyThreadSafetyMode.ExecutionAndPublication)).Value;
        return (uid, directory);
    }
}
