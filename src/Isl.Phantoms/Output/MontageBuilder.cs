namespace Isl.Phantoms.Output;

/// <summary>Chooses the slices worth looking at and renders brain-window montages of studies.</summary>
public static class MontageBuilder
{
    /// <summary>Tiles per row.</summary>
    public const int TilesPerStudy = 6;

    /// <summary>One row per study folder: slices through its first lesion, or spread over the brain when normal.</summary>
    public static byte[] FromFolders(IEnumerable<string> folders, double windowCenter = 40, double windowWidth = 80)
    {
        ArgumentNullException.ThrowIfNull(folders);
        var studies = folders.Select(StudyFolder.Read).ToList();
        if (studies.Count == 0)
        {
            throw new PhantomException("Name at least one study folder for the montage.");
        }

        if (studies.Select(s => s.Size).Distinct().Count() > 1)
        {
            throw new PhantomException("The studies of one montage must share their slice size.");
        }

        var rows = studies.Select(s => Row(s.Hounsfield, s.Masks, s.LesionInstanceRanges.FirstOrDefault(r => r.First > 0))).ToList();
        return MontageRenderer.Render(rows, studies[0].Size, 2, windowCenter, windowWidth);
    }

    /// <summary>One row per in-memory study, chosen as for folders.</summary>
    public static byte[] FromStudies(IReadOnlyList<PhantomStudy> studies, double windowCenter = 40, double windowWidth = 80)
    {
        ArgumentNullException.ThrowIfNull(studies);
        if (studies.Count == 0)
        {
            throw new PhantomException("A montage needs at least one study.");
        }

        var rows = studies.Select(s =>
        {
            var hu = Enumerable.Range(0, s.SliceCount).Select(i => s.HounsfieldSlice(i).ToArray()).ToArray();
            var masks = Enumerable.Range(0, s.SliceCount).Select(i => s.MaskSlice(i).ToArray()).ToArray();
            var lesion = s.Lesions.FirstOrDefault(l => l.FirstInstance > 0);
            return Row(hu, masks, lesion is null ? default : (lesion.FirstInstance, lesion.LastInstance));
        }).ToList();
        return MontageRenderer.Render(rows, studies[0].Rows, 2, windowCenter, windowWidth);
    }

    /// <summary>A gallery: one normal study and one per requestable lesion type, generated from <paramref name="seed"/>.</summary>
    public static IReadOnlyList<PhantomStudy> GenerateGallery(int seed, int? slices = null, LesionSize? size = null)
    {
        var specs = new List<PhantomSpec> { PhantomSpec.Normal(seed) with { SliceCount = slices, SliceSpacingMm = 5 } };
        specs.AddRange(LesionTypes.Requestable.Select((type, i) => new PhantomSpec
        {
            Seed = seed + i + 1,
            Cohort = "ABNORMAL",
            Lesions = [new LesionRequest(type, size ?? LesionSize.Medium)],
            SliceCount = slices,
            SliceSpacingMm = 5,
        }));
        return specs.Select(spec => PhantomGenerator.Generate(spec)).ToArray();
    }

    private static List<(short[] Hu, byte[]? Mask)> Row(IReadOnlyList<short[]> hu, IReadOnlyList<byte[]>? masks, (int First, int Last) lesion)
    {
        int low, high;
        if (lesion.First > 0)
        {
            var middle = ((lesion.First + lesion.Last) / 2) - 1;
            var half = Math.Max(3, (lesion.Last - lesion.First + 4) / 2);
            (low, high) = (middle - half, middle + half);
        }
        else
        {
            (low, high) = ((int)(hu.Count * 0.2), (int)(hu.Count * 0.78));
        }

        low = Math.Clamp(low, 0, hu.Count - 1);
        high = Math.Clamp(high, low, hu.Count - 1);
        var count = Math.Min(TilesPerStudy, high - low + 1);
        return Enumerable.Range(0, count)
            .Select(i => count == 1 ? low : low + ((high - low) * i / (count - 1)))
            .Select(index => (hu[index], masks?[index]))
            .ToList();
    }
}
