using System.Globalization;
using Isl.Dicom;
using Isl.Model;
using Isl.Model.Scoring;
using Isl.PacsAgent.Selection;

namespace Isl.PacsAgent.Pipeline;

/// <summary>
/// The selected series read once, in slice order: every readable instance's data set and HU pixels. The scorer scores
/// these and the report writer builds the SR and heatmap series from the same objects; no file is opened again.
/// </summary>
/// <param name="Series">The selection (all slices, ordered along the slice normal).</param>
/// <param name="Slices">The slices that could be read, in the same order.</param>
/// <param name="Unreadable">The instances left out, with why.</param>
public sealed record LoadedSeries(SelectedSeries Series, IReadOnlyList<LoadedSlice> Slices, IReadOnlyList<SkippedInstance> Unreadable)
{
    private readonly Dictionary<string, LoadedSlice> bySop = Slices.ToDictionary(s => s.SopInstanceUid, StringComparer.Ordinal);

    /// <summary>SeriesInstanceUID.</summary>
    public string SeriesInstanceUid => Series.SeriesInstanceUid;

    /// <summary>The loaded slice of an instance of the series.</summary>
    /// <exception cref="KeyNotFoundException">The instance was not read (unreadable or not in the series).</exception>
    public LoadedSlice this[string sopInstanceUid] => bySop[sopInstanceUid];

    /// <summary>
    /// Reads every slice of <paramref name="series"/> (data set and HU); a slice that cannot be parsed or decoded, or whose
    /// pixel count does not match its size, is left out with the reason.
    /// </summary>
    public static LoadedSeries Load(SelectedSeries series, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(series);
        var slices = new List<LoadedSlice>(series.Slices.Count);
        var unreadable = new List<SkippedInstance>();
        foreach (var header in series.Slices)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var problem = TryRead(header, out var slice);
            if (slice is null)
            {
                unreadable.Add(new SkippedInstance(header.SopInstanceUid, problem!));
            }
            else
            {
                slices.Add(slice);
            }
        }

        return new LoadedSeries(series, slices, unreadable);
    }

    private static string? TryRead(InstanceHeader header, out LoadedSlice? slice)
    {
        slice = null;
        try
        {
            var file = DicomFile.Open(header.Path);
            var pixels = DicomSlices.FromFile(file, header.SopInstanceUid);
            if (pixels.Hu.Length != pixels.Rows * pixels.Columns)
            {
                return string.Create(CultureInfo.InvariantCulture, $"{pixels.Hu.Length} pixel values for {pixels.Columns}×{pixels.Rows}");
            }

            slice = new LoadedSlice(header, file.Dataset, pixels);
            return null;
        }
        catch (Exception ex) when (ex is IslModelException or DicomException or IOException or InvalidDataException or ArgumentException or IndexOutOfRangeException or UnauthorizedAccessException)
        {
            return ex.Message;
        }
    }
}
