namespace Isl.Phantoms;

/// <summary>Names (for files and the command line) and expected attenuation of each <see cref="LesionType"/>.</summary>
public static class LesionTypes
{
    private static readonly Dictionary<LesionType, string> Slugs = new()
    {
        [LesionType.IntraparenchymalHemorrhage] = "intraparenchymal-hemorrhage",
        [LesionType.SubduralHematoma] = "subdural-hematoma",
        [LesionType.EpiduralHematoma] = "epidural-hematoma",
        [LesionType.SubarachnoidHemorrhage] = "subarachnoid-hemorrhage",
        [LesionType.AcuteInfarct] = "acute-infarct",
        [LesionType.Tumor] = "tumor",
        [LesionType.Hydrocephalus] = "hydrocephalus",
        [LesionType.Calcification] = "calcification",
        [LesionType.PerilesionalEdema] = "perilesional-edema",
    };

    private static readonly Dictionary<string, LesionType> Aliases = new(StringComparer.OrdinalIgnoreCase)
    {
        ["iph"] = LesionType.IntraparenchymalHemorrhage,
        ["ich"] = LesionType.IntraparenchymalHemorrhage,
        ["sdh"] = LesionType.SubduralHematoma,
        ["edh"] = LesionType.EpiduralHematoma,
        ["sah"] = LesionType.SubarachnoidHemorrhage,
        ["infarct"] = LesionType.AcuteInfarct,
        ["stroke"] = LesionType.AcuteInfarct,
        ["tumour"] = LesionType.Tumor,
        ["calc"] = LesionType.Calcification,
    };

    /// <summary>The lesion types a study can be asked for (edema comes with a tumour).</summary>
    public static IReadOnlyList<LesionType> Requestable { get; } =
    [
        LesionType.IntraparenchymalHemorrhage, LesionType.SubduralHematoma, LesionType.EpiduralHematoma,
        LesionType.SubarachnoidHemorrhage, LesionType.AcuteInfarct, LesionType.Tumor, LesionType.Hydrocephalus,
        LesionType.Calcification,
    ];

    /// <summary>The kebab-case name used in labels.json and on the command line.</summary>
    public static string ToSlug(this LesionType type) => Slugs[type];

    /// <summary>Parses a slug, an enum name or a common abbreviation (iph, sdh, edh, sah, infarct, calc).</summary>
    /// <exception cref="PhantomException">When the name matches no lesion type.</exception>
    public static LesionType Parse(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        foreach (var (type, slug) in Slugs)
        {
            if (string.Equals(slug, name, StringComparison.OrdinalIgnoreCase) || string.Equals(type.ToString(), name, StringComparison.OrdinalIgnoreCase))
            {
                return type;
            }
        }

        if (Aliases.TryGetValue(name, out var alias))
        {
            return alias;
        }

        throw new PhantomException($"Unknown lesion type '{name}'. Known: {string.Join(", ", Requestable.Select(t => t.ToSlug()))} (or iph, sdh, edh, sah, infarct, calc).");
    }

    /// <summary>
    /// The range (HU) that the mean of a lesion's mask must fall in after blur and partial volume:
    /// what a reader would measure with a region of interest over the whole lesion.
    /// </summary>
    public static (double Min, double Max) ExpectedMeanHu(this LesionType type) => type switch
    {
        LesionType.IntraparenchymalHemorrhage => (55, 90),
        LesionType.SubduralHematoma => (50, 90),
        LesionType.EpiduralHematoma => (50, 90),
        LesionType.SubarachnoidHemorrhage => (40, 80),
        LesionType.AcuteInfarct => (12, 25),
        LesionType.Tumor => (25, 55),
        LesionType.Hydrocephalus => (-5, 20),
        LesionType.Calcification => (90, 1200),
        LesionType.PerilesionalEdema => (10, 27),
        _ => throw new ArgumentOutOfRangeException(nameof(type)),
    };
}
