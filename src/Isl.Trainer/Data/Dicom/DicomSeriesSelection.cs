namespace Isl.Trainer.Data.Dicom;

/// <summary>
/// Picks the series to train or score on from a study's files: CT, not a localizer, axial (slice normal within
/// 45° of the patient's head–foot axis, so tilted gantries pass), with position and orientation; among the
/// series that qualify, the one with most slices. Slices are ordered along the slice normal, not by
/// InstanceNumber. Every file or series left out is reported with the reason.
/// </summary>
public static class DicomSeriesSelection
{
    /// <summary>The chosen series' headers in slice order, or an empty list; reasons go to <paramref name="problems"/>.</summary>
    public static IReadOnlyList<DicomSliceHeader> Select(IReadOnlyList<DicomSliceHeader> headers, ICollection<InputProblem> problems)
    {
        var usable = new List<DicomSliceHeader>();
        foreach (var header in headers)
        {
            var reason = Rejection(header);
            if (reason is null)
            {
                usable.Add(header);
            }
            else
            {
                problems.Add(new InputProblem(header.Path, reason));
            }
        }

        var series = usable.GroupBy(h => h.SeriesInstanceUid, StringComparer.Ordinal).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).ToArray();
        if (series.Length == 0)
        {
            return [];
        }

        foreach (var other in series.Skip(1))
        {
            problems.Add(new InputProblem(other.First().Path, $"series {other.Key} ('{other.First().SeriesDescription}', {other.Count()} slices) left out: series {series[0].Key} has more slices"));
        }

        var chosen = series[0].ToList();
        var normal = chosen[0].Normal()!;
        var ordered = new List<DicomSliceHeader>();
        foreach (var header in chosen)
        {
            var n = header.Normal()!;
            if ((n[0] * normal[0]) + (n[1] * normal[1]) + (n[2] * normal[2]) < 0.999)
            {
                problems.Add(new InputProblem(header.Path, "orientation differs from the rest of its series"));
            }
            else
            {
                ordered.Add(header);
            }
        }

        return ordered.OrderBy(h => Along(h.Position!, normal)).ToList();
    }

    private static string? Rejection(DicomSliceHeader header)
    {
        if (!string.Equals(header.Modality, "CT", StringComparison.OrdinalIgnoreCase))
        {
            return $"modality {(header.Modality.Length == 0 ? "(none)" : header.Modality)}, not CT";
        }

        if (header.ImageType.Any(t => string.Equals(t, "LOCALIZER", StringComparison.OrdinalIgnoreCase)))
        {
            return "a localizer (scout) image";
        }

        var normal = header.Normal();
        if (normal is null || header.Position is not { Length: 3 })
        {
            return "no valid ImageOrientationPatient/ImagePositionPatient";
        }

        if (Math.Abs(normal[2]) < Math.Cos(Math.PI / 4))
        {
            return "not an axial slice (sagittal or coronal orientation)";
        }

        return null;
    }

    private static double Along(double[] position, double[] normal) => (position[0] * normal[0]) + (position[1] * normal[1]) + (position[2] * normal[2]);
}
