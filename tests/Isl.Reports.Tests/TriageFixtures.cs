using Isl.Dicom;

namespace Isl.Reports.Tests;

/// <summary>A small synthetic head CT study (64×64 slices) and triage results over it.</summary>
internal static class TriageFixtures
{
    public const int Size = 64;
    public const string StudyUid = "1.2.826.0.1.3680043.8.498.1001";
    public const string SeriesUid = "1.2.826.0.1.3680043.8.498.1001.2";
    public const int SliceCount = 4;

    /// <summary>The hot spot of the heatmap of the top slice: centre (column, row) and radius in pixels.</summary>
    public static readonly (int Column, int Row, int Radius) HotSpot = (40, 40, 6);

    public static readonly ObserverDevice Device = new("1.2.826.0.1.3680043.8.498.77", "ISL-AGENT", "Isl.PacsAgent project", "isl-agent");

    public static TriageAlgorithm Algorithm(string modelVersion = "2026.11.1") => new("ISL head CT triage", "0.1.0", "head-ct-demo", modelVersion);

    public static SourceImage Slice(int index) =>
        new(StudyUid, SeriesUid, DicomSopClass.CTImageStorage, $"{SeriesUid}.{index + 1}", Size, Size);

    public static IReadOnlyList<ScoredSlice> ScoredSlices() =>
        Enumerable.Range(0, SliceCount).Select(i => new ScoredSlice(Slice(i), i == 2 ? 0.91 : 0.2 + (i * 0.05))).ToList();

    public static TriageResult Abnormal(string modelVersion = "2026.11.1") => new()
    {
        StudyInstanceUid = StudyUid,
        Flag = TriageFlag.Abnormal,
        Slices = ScoredSlices(),
        ScanScore = 0.734,
        Threshold = 0.512,
        Region = ImageRegion.BoundingBox(HotSpot.Column - HotSpot.Radius, HotSpot.Row - HotSpot.Radius, HotSpot.Column + HotSpot.Radius, HotSpot.Row + HotSpot.Radius),
        Algorithm = Algorithm(modelVersion),
        Device = Device,
        CompletedAt = new DateTimeOffset(2026, 11, 26, 19, 30, 15, TimeSpan.Zero),
    };

    public static TriageResult NormalWithoutRegion() => Abnormal() with { Flag = TriageFlag.Normal, ScanScore = 0.21, Region = null };

    public static TriageResult NotAnalysed() => new()
    {
        StudyInstanceUid = StudyUid,
        Flag = TriageFlag.NotAnalysed,
        NotAnalysedReason = "No eligible series: only a localizer (scout) was received.",
        ConsideredImages = [Slice(0)],
        Algorithm = Algorithm(),
        Device = Device,
        CompletedAt = new DateTimeOffset(2026, 11, 26, 19, 30, 15, TimeSpan.Zero),
    };

    /// <summary>A CT slice header with the patient and study attributes the reports copy.</summary>
    public static DicomDataset StudySource()
    {
        var ds = new DicomDataset();
        ds.Set(DicomTags.SpecificCharacterSet, "ISO_IR 100");
        ds.Set(DicomTags.SOPClassUID, DicomSopClass.CTImageStorage);
        ds.Set(DicomTags.SOPInstanceUID, Slice(0).SopInstanceUid);
        ds.Set(DicomTags.StudyDate, "20261126");
        ds.Set(DicomTags.StudyTime, "183000");
        ds.Set(DicomTags.AccessionNumber, "ACC-42");
        ds.Set(DicomTags.Modality, "CT");
        ds.Set(DicomTags.ReferringPhysicianName, "Referrer^Rita");
        ds.Set(DicomTags.StudyDescription, "CT HEAD W/O CONTRAST");
        ds.Set(DicomTags.PatientName, "Phantom^Head");
        ds.Set(DicomTags.PatientID, "PHANTOM-001");
        ds.Set(DicomTags.PatientBirthDate, "19700101");
        ds.Set(DicomTags.PatientSex, "O");
        ds.Set(DicomTags.StudyInstanceUID, StudyUid);
        ds.Set(DicomTags.SeriesInstanceUID, SeriesUid);
        ds.Set(DicomTags.StudyID, "S1");
        ds.SetUInt16(DicomTags.Rows, Size);
        ds.SetUInt16(DicomTags.Columns, Size);
        return ds;
    }

    /// <summary>A head phantom in HU: air, a bone ring, brain at 40 HU (mid-gray in the brain window).</summary>
    public static float[] Hounsfield()
    {
        var hu = new float[Size * Size];
        for (var y = 0; y < Size; y++)
        {
            for (var x = 0; x < Size; x++)
            {
                var r = Math.Sqrt(Math.Pow(x + 0.5 - (Size / 2.0), 2) + Math.Pow(y + 0.5 - (Size / 2.0), 2));
                hu[(y * Size) + x] = r > 30 ? -1000 : r > 27 ? 1000 : 40;
            }
        }

        return hu;
    }

    /// <summary>A heatmap (half the image size) that is 1 inside the hot spot and 0 elsewhere.</summary>
    public static float[] HeatmapWithHotSpot(int size)
    {
        var heat = new float[size * size];
        var scale = (double)size / Size;
        for (var y = 0; y < size; y++)
        {
            for (var x = 0; x < size; x++)
            {
                var dx = ((x + 0.5) / scale) - HotSpot.Column;
                var dy = ((y + 0.5) / scale) - HotSpot.Row;
                heat[(y * size) + x] = Math.Sqrt((dx * dx) + (dy * dy)) <= HotSpot.Radius ? 1f : 0f;
            }
        }

        return heat;
    }

    public static IReadOnlyList<HeatmapSlice> HeatmapSlices(int heatmapSize = Size / 2) =>
        Enumerable.Range(0, SliceCount).Select(i => new HeatmapSlice(Slice(i), Hounsfield(),
            i == 2 ? HeatmapWithHotSpot(heatmapSize) : new float[heatmapSize * heatmapSize], heatmapSize, heatmapSize)).ToList();
}
