using Isl.Dicom;

namespace Isl.Phantoms;

/// <summary>The obviously synthetic patient and the deterministic UIDs and dates of a study.</summary>
public sealed record PhantomIdentity
{
    /// <summary>Patient name, e.g. "PHANTOM^NORMAL 000042".</summary>
    public required string PatientName { get; init; }

    /// <summary>Patient ID, e.g. "ISL-NORMAL-000042".</summary>
    public required string PatientId { get; init; }

    /// <summary>Patient sex (M, F or O).</summary>
    public required string PatientSex { get; init; }

    /// <summary>Birth date (fixed by the seed).</summary>
    public required DateOnly PatientBirthDate { get; init; }

    /// <summary>Study date (fixed by the seed).</summary>
    public required DateOnly StudyDate { get; init; }

    /// <summary>Study time (fixed by the seed).</summary>
    public required TimeOnly StudyTime { get; init; }

    /// <summary>Accession number.</summary>
    public required string AccessionNumber { get; init; }

    /// <summary>Study Instance UID (2.25 UID derived from the seed and the lesion list).</summary>
    public required string StudyInstanceUid { get; init; }

    /// <summary>Series Instance UID.</summary>
    public required string SeriesInstanceUid { get; init; }

    /// <summary>Frame of Reference UID.</summary>
    public required string FrameOfReferenceUid { get; init; }

    /// <summary>The SOP Instance UID of the slice with this 1-based instance number.</summary>
    public string SopInstanceUid(int instanceNumber) => DicomUid.FromName("isl-phantom", SeriesInstanceUid, "instance", instanceNumber.ToString(System.Globalization.CultureInfo.InvariantCulture));

    internal static PhantomIdentity Create(PhantomSpec spec, Mathematics.SeededRandom random)
    {
        var seed = spec.Seed.ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
        var lesionKey = string.Join(",", spec.Lesions.Select(l => $"{l.Type}:{l.Size}"));
        var key = $"{spec.Seed}|{spec.Cohort}|{lesionKey}|{spec.SliceCount}|{spec.SliceSpacingMm}|{spec.GantryTiltDeg}|{spec.BeamHardening}";
        var studyUid = DicomUid.FromName("isl-phantom", key, "study");
        var age = 20 + random.Next(70);
        var studyDate = new DateOnly(2024, 1, 1).AddDays(random.Next(700));
        return new PhantomIdentity
        {
            PatientName = $"PHANTOM^{spec.Cohort} {seed}",
            PatientId = $"ISL-{spec.Cohort}-{seed}",
            PatientSex = random.Pick(new[] { "M", "F", "O" }),
            PatientBirthDate = studyDate.AddYears(-age).AddDays(-random.Next(365)),
            StudyDate = studyDate,
            StudyTime = new TimeOnly(random.Next(24), random.Next(60), random.Next(60)),
            AccessionNumber = $"PH{Math.Abs(spec.Seed) % 100000000:D8}",
            StudyInstanceUid = studyUid,
            SeriesInstanceUid = DicomUid.FromName("isl-phantom", key, "series"),
            FrameOfReferenceUid = DicomUid.FromName("isl-phantom", key, "frame-of-reference"),
        };
    }
}
