using Isl.PacsAgent.Ingest;
using Isl.PacsAgent.Selection;
using Isl.Testing;

namespace Isl.PacsAgent.Tests.TestSupport;

/// <summary>The real DICOM series of <c>../shared/data</c> that the agent's tests read.</summary>
public static class RealSeries
{
    /// <summary>CQ500 CT 0: 238 slices of 0.625 mm, contrast-enhanced ("4cc sec 150cc D3D on"), tilted, JPEG Lossless.</summary>
    public static string[] ThinContrastFiles() =>
        Directory.GetFiles(Path.Combine(SharedData.Root, "cq500-ct0-thin-contrast"), "*.dcm").Order(StringComparer.Ordinal).ToArray();

    /// <summary>The headers of <paramref name="files"/> as the agent's reader makes them.</summary>
    public static List<InstanceHeader> Headers(IEnumerable<string> files)
    {
        return files.Select(DicomInstanceHeaderReader.Read).ToList();
    }
}
