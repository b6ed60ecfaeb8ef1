namespace Isl.Testing;

/// <summary>Locates the real data that sits in <c>../shared/data</c> beside the project root (never copied into the repo).</summary>
public static class SharedData
{
    private static readonly Lazy<string> RootPath = new(FindRoot);

    /// <summary>The <c>shared/data</c> folder. Fails the test with a clear message when it is absent.</summary>
    public static string Root => RootPath.Value;

    /// <summary>The 28-slice GE head CT series (18.5° gantry tilt).</summary>
    public static string GeHeadCtSeries => Path.Combine(Root, "head-ct-ge-tilt");

    /// <summary>The labelled, pre-windowed PNG head CT slices.</summary>
    public static string KaggleHeadCt => Path.Combine(Root, "kaggle-head-ct-dev");

    /// <summary>The 40 real CT-ICH scans (folders of brain-window JPEG slices) with scan-level labels and some hemorrhage masks.</summary>
    public static string CtIchDev => Path.Combine(Root, "ct-ich-dev");

    /// <summary>One JPEG 2000 head CT slice (a syntax our managed decoders do not cover).</summary>
    public static string J2kHeadCt => Path.Combine(Root, "pydicom-j2k-head-ct");

    /// <summary>pydicom's test corpus as installed by Debian's <c>python3-pydicom</c>.</summary>
    public static string PydicomTestFiles
    {
        get
        {
            const string path = "/usr/lib/python3/dist-packages/pydicom/data/test_files";
            if (!Directory.Exists(path))
            {
                throw new InvalidOperationException($"pydicom's test corpus is missing at {path}: run ./test.sh or `apt-get install -y python3-pydicom`.");
            }

            return path;
        }
    }

    /// <summary>The GE series' DICOM files, sorted by name.</summary>
    public static string[] GeHeadCtFiles() =>
        Directory.GetFiles(GeHeadCtSeries, "*.dcm").OrderBy(f => f, StringComparer.Ordinal).ToArray();

    private static string FindRoot()
    {
        var env = Environment.GetEnvironmentVariable("ISL_SHARED_DATA");
        if (!string.IsNullOrEmpty(env) && Directory.Exists(env))
        {
            return env;
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "data");
            if (Directory.Exists(candidate) && File.Exists(Path.Combine(dir.FullName, "shared", "DESIGN.md")))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException("../shared/data was not found above the test binaries (set ISL_SHARED_DATA to its path).");
    }
}
