using System.Globalization;
using System.Text.RegularExpressions;
using Isl.PacsAgent.Configuration;
using Isl.PacsAgent.Storage;

namespace Isl.PacsAgent.Selection;

/// <summary>
/// Chooses the series the model scores, per the paper: non-contrast head CT, axial, not a localizer, not a derived
/// angiography/perfusion reconstruction, not contrast-enhanced (unless allowed), enough slices, slice thickness in range.
/// Every other series gets the first reason it failed; the best eligible series wins (original over derived, not a bone kernel, thickness nearest 5 mm,
/// most slices).
/// </summary>
public sealed class SeriesSelector(SeriesSelectionOptions options)
{
    private readonly Regex? contrastPattern = Pattern(options.ContrastDescriptionPattern);
    private readonly Regex? nonContrastPattern = Pattern(options.NonContrastPattern);

    /// <summary>CT Image Storage.</summary>
    public const string CtImageStorage = "1.2.840.10008.5.1.4.1.1.2";

    private const double PreferredThicknessMm = 5;
    private static readonly string[] LocalizerWords = ["LOCALIZER", "SCOUT", "TOPOGRAM", "SURVIEW", "SCANOGRAM", "PILOT"];

    /// <summary>Selects among the instances of one study.</summary>
    public SeriesSelection Select(string studyInstanceUid, IEnumerable<InstanceHeader> instances)
    {
        var decisions = new List<SeriesDecision>();
        var eligible = new List<(SelectedSeries Series, string Description, bool Original, bool Bone)>();
        foreach (var series in instances.GroupBy(i => i.SeriesInstanceUid, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var slices = series.ToList();
            var first = slices[0];
            var description = first.SeriesDescription.Trim();
            var reason = Reject(slices, out var thickness);
            if (reason is not null)
            {
                decisions.Add(new SeriesDecision(series.Key, false, reason, description));
                continue;
            }

            var ordered = OrderAlongNormal(slices);
            var original = first.ImageType.Count > 0 && first.ImageType[0].Equals("ORIGINAL", StringComparison.OrdinalIgnoreCase);
            var bone = Contains(description, "BONE") || Contains(first.ProtocolName, "BONE");
            eligible.Add((new SelectedSeries(studyInstanceUid, series.Key, ordered, thickness), description, original, bone));
        }

        if (eligible.Count == 0)
        {
            return new SeriesSelection(null, decisions);
        }

        var ranked = eligible
            .OrderByDescending(e => e.Original)
            .ThenBy(e => e.Bone)
            .ThenBy(e => Math.Abs(e.Series.SliceThicknessMm - PreferredThicknessMm))
            .ThenByDescending(e => e.Series.Slices.Count)
            .ThenBy(e => e.Series.SeriesInstanceUid, StringComparer.Ordinal)
            .ToList();
        var best = ranked[0];
        decisions.Add(new SeriesDecision(
            best.Series.SeriesInstanceUid, true,
            Invariant($"axial head CT, {best.Series.Slices.Count} slices, {best.Series.SliceThicknessMm:0.##} mm (best of {ranked.Count} eligible)"),
            best.Description));
        foreach (var other in ranked.Skip(1))
        {
            decisions.Add(new SeriesDecision(
                other.Series.SeriesInstanceUid, false,
                Invariant($"eligible, but series {Label(best.Series.SeriesInstanceUid, best.Description)} was preferred"),
                other.Description));
        }

        return new SeriesSelection(best.Series, decisions);
    }

    /// <summary>A configured pattern compiled case-insensitively, or null when it is empty or not a valid regular expression.</summary>
    public static Regex? Pattern(string pattern)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        if (pattern.Length == 0)
        {
            return null;
        }

        try
        {
            return new Regex(pattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private string? Reject(List<InstanceHeader> slices, out double thickness)
    {
        thickness = 0;
        var first = slices[0];
        if (slices.Any(s => s.IsOwnOutput))
        {
            return "is an output of this agent";
        }

        if (!first.Modality.Equals("CT", StringComparison.OrdinalIgnoreCase))
        {
            return $"modality is {(first.Modality.Length > 0 ? first.Modality : "missing")}, not CT";
        }

        if (first.SopClassUid != CtImageStorage)
        {
            return $"SOP class {first.SopClassUid} is not CT Image Storage (multi-frame and derived objects are not scored)";
        }

        var descriptions = string.Join(' ', first.SeriesDescription, first.ProtocolName);
        var localizer = LocalizerWords.FirstOrDefault(w => first.ImageType.Any(t => Contains(t, w)) || Contains(descriptions, w));
        if (localizer is not null)
        {
            return $"is a localizer ({localizer})";
        }

        var excluded = options.EffectiveExcludedKeywords.FirstOrDefault(w => first.ImageType.Any(t => t.Equals(w, StringComparison.OrdinalIgnoreCase)) || ContainsWord(descriptions, w));
        if (excluded is not null)
        {
            return $"is a derived or angiography/perfusion series (keyword {excluded})";
        }

        if (first.ImageType.Count > 1 && first.ImageType[0].Equals("DERIVED", StringComparison.OrdinalIgnoreCase) && first.ImageType[1].Equals("SECONDARY", StringComparison.OrdinalIgnoreCase))
        {
            return "is DERIVED\\SECONDARY (a reconstruction or capture, not acquired slices)";
        }

        var contrast = CheckContrast(first);
        if (contrast is not null)
        {
            return contrast;
        }

        var orientation = CheckOrientation(slices);
        if (orientation is not null)
        {
            return orientation;
        }

        var head = CheckHead(first);
        if (head is not null)
        {
            return head;
        }

        if (slices.Count < options.MinSlices)
        {
            return $"has only {slices.Count} slice(s); at least {options.MinSlices} are needed";
        }

        var measured = first.SliceThickness ?? MedianSpacing(slices);
        if (measured is not { } mm || double.IsNaN(mm) || mm <= 0)
        {
            return "has no SliceThickness and no slice positions to derive it from";
        }

        if (mm < options.MinSliceThicknessMm || mm > options.MaxSliceThicknessMm)
        {
            return Invariant($"slice thickness {mm:0.##} mm is outside {options.MinSliceThicknessMm:0.##}–{options.MaxSliceThicknessMm:0.##} mm");
        }

        thickness = mm;
        return null;
    }

    private string? CheckContrast(InstanceHeader first)
    {
        if (options.AllowContrast)
        {
            return null;
        }

        const string outside = "outside the intended use (non-contrast head CT; SeriesSelection:AllowContrast allows it)";
        if (first.ContrastBolusAgent.Length > 0 && !StatesNoContrast(first.ContrastBolusAgent))
        {
            return $"is contrast-enhanced (Contrast/Bolus Agent '{first.ContrastBolusAgent}'): {outside}";
        }

        return contrastPattern is not null && contrastPattern.IsMatch(first.SeriesDescription) && !StatesNoContrast(first.SeriesDescription)
            ? $"is contrast-enhanced (series description '{first.SeriesDescription}' matches '{options.ContrastDescriptionPattern}'): {outside}"
            : null;
    }

    private bool StatesNoContrast(string text) => nonContrastPattern is not null && nonContrastPattern.IsMatch(text);

    private string? CheckOrientation(List<InstanceHeader> slices)
    {
        var iop = slices[0].ImageOrientationPatient;
        if (iop is null || iop.Count != 6)
        {
            return "has no ImageOrientationPatient, so the plane is unknown";
        }

        var normal = Normal(iop);
        if (normal is null)
        {
            return "has an invalid ImageOrientationPatient";
        }

        var (x, y, z) = normal.Value;
        var tilt = Math.Acos(Math.Min(1, Math.Abs(z))) * 180 / Math.PI;
        if (tilt > options.MaxAxialTiltDegrees)
        {
            var plane = Math.Abs(x) >= Math.Abs(y) ? "sagittal" : "coronal";
            return Invariant($"is not axial (slice normal {tilt:0}° from the head-foot axis: {plane})");
        }

        foreach (var other in slices.Skip(1))
        {
            if (other.ImageOrientationPatient is not { Count: 6 } o || Normal(o) is not { } n || Math.Abs((n.X * x) + (n.Y * y) + (n.Z * z)) < 0.99)
            {
                return "mixes slice orientations";
            }
        }

        return null;
    }

    private string? CheckHead(InstanceHeader first)
    {
        var bodyPart = first.BodyPartExamined.Trim();
        if (bodyPart.Length > 0 && options.EffectiveHeadBodyParts.Any(p => p.Equals(bodyPart, StringComparison.OrdinalIgnoreCase)))
        {
            return null;
        }

        // A body part that says something else outweighs the study description; the series' own description may still say
        // head. Without a body part, the scanner's head bowtie filter (GE's "HEAD FILTER") says head too.
        var text = bodyPart.Length > 0
            ? string.Join(' ', first.SeriesDescription, first.ProtocolName)
            : string.Join(' ', first.SeriesDescription, first.StudyDescription, first.ProtocolName, first.FilterType);
        if (options.EffectiveHeadDescriptionKeywords.Any(k => Contains(text, k)))
        {
            return null;
        }

        return bodyPart.Length > 0
            ? $"body part {bodyPart} is not head"
            : "is not identified as head (no BodyPartExamined and no head keyword in the descriptions)";
    }

    private static IReadOnlyList<InstanceHeader> OrderAlongNormal(List<InstanceHeader> slices)
    {
        var normal = Normal(slices[0].ImageOrientationPatient!)!.Value;
        return slices
            .OrderBy(s => s.ImagePositionPatient is { Count: 3 } p ? (p[0] * normal.X) + (p[1] * normal.Y) + (p[2] * normal.Z) : double.MaxValue)
            .ThenBy(s => s.InstanceNumber ?? int.MaxValue)
            .ThenBy(s => s.SopInstanceUid, StringComparer.Ordinal)
            .ToList();
    }

    private static double? MedianSpacing(List<InstanceHeader> slices)
    {
        if (slices[0].ImageOrientationPatient is not { Count: 6 } iop || Normal(iop) is not { } n)
        {
            return null;
        }

        var positions = slices
            .Where(s => s.ImagePositionPatient is { Count: 3 })
            .Select(s => (s.ImagePositionPatient![0] * n.X) + (s.ImagePositionPatient[1] * n.Y) + (s.ImagePositionPatient[2] * n.Z))
            .Order()
            .ToList();
        var gaps = positions.Zip(positions.Skip(1), (a, b) => b - a).Where(g => g > 1e-3).Order().ToList();
        return gaps.Count == 0 ? null : gaps[gaps.Count / 2];
    }

    private static (double X, double Y, double Z)? Normal(IReadOnlyList<double> iop)
    {
        var x = (iop[1] * iop[5]) - (iop[2] * iop[4]);
        var y = (iop[2] * iop[3]) - (iop[0] * iop[5]);
        var z = (iop[0] * iop[4]) - (iop[1] * iop[3]);
        var length = Math.Sqrt((x * x) + (y * y) + (z * z));
        return length < 1e-6 || double.IsNaN(length) ? null : (x / length, y / length, z / length);
    }

    private static bool Contains(string text, string word) => text.Contains(word, StringComparison.OrdinalIgnoreCase);

    private static bool ContainsWord(string text, string word) =>
        text.Split([' ', '_', '-', '/', '\\', '(', ')', ',', '.', '+'], StringSplitOptions.RemoveEmptyEntries)
            .Any(t => t.Equals(word, StringComparison.OrdinalIgnoreCase) || (word.Length >= 5 && t.StartsWith(word, StringComparison.OrdinalIgnoreCase)));

    private static string Label(string uid, string description) => description.Length > 0 ? $"'{description}'" : uid;

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
