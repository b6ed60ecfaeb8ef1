using System.Globalization;
using System.Text;

namespace Isl.Dicom;

/// <summary>The DICOM data dictionary generated from dcmtk's <c>dicom.dic</c> (tags, VRs, VMs, keywords).</summary>
public sealed class DicomDictionary
{
    private static readonly Lazy<DicomDictionary> DefaultInstance = new(() => new DicomDictionary(DicomDictionaryTable.Entries));

    private readonly Dictionary<uint, DicomDictionaryEntry> _byTag = new();
    private readonly Dictionary<string, DicomDictionaryEntry> _byKeyword = new(StringComparer.Ordinal);
    private readonly List<(uint GroupMin, uint GroupMax, bool OddGroups, uint ElementMin, uint ElementMax, DicomDictionaryEntry Entry)> _ranges = [];

    private DicomDictionary(string table)
    {
        foreach (var line in table.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var fields = line.Split(' ');
            var spec = fields[0];
            var (vr, ambiguous) = MapVR(fields[1]);
            var keyword = fields[3];
            var comma = spec.IndexOf(',', StringComparison.Ordinal);
            var (groupMin, groupMax, odd) = ParseRange(spec[..comma]);
            var (elementMin, elementMax, _) = ParseRange(spec[(comma + 1)..]);
            var entry = new DicomDictionaryEntry(new DicomTag((ushort)groupMin, (ushort)elementMin), vr, fields[2], keyword, SplitWords(keyword), fields[4] == "R")
            {
                HasAmbiguousVR = ambiguous,
            };
            if (groupMin == groupMax && elementMin == elementMax)
            {
                _byTag[entry.Tag.Value] = entry;
            }
            else
            {
                _ranges.Add((groupMin, groupMax, odd, elementMin, elementMax, entry));
            }

            _byKeyword.TryAdd(keyword, entry);
        }
    }

    /// <summary>The dictionary of the standard (dcmtk's dicom.dic).</summary>
    public static DicomDictionary Default => DefaultInstance.Value;

    /// <summary>Looks up a tag, including repeating groups such as overlays (60xx).</summary>
    public bool TryGetEntry(DicomTag tag, out DicomDictionaryEntry entry)
    {
        if (_byTag.TryGetValue(tag.Value, out entry!))
        {
            return true;
        }

        foreach (var range in _ranges)
        {
            uint group = tag.Group, element = tag.Element;
            if (group >= range.GroupMin && group <= range.GroupMax && element >= range.ElementMin && element <= range.ElementMax
                && ((group - range.GroupMin) % 2 == 0 || range.OddGroups))
            {
                entry = range.Entry;
                return true;
            }
        }

        entry = null!;
        return false;
    }

    /// <summary>Looks up an entry by its dcmtk keyword.</summary>
    public bool TryGetEntry(string keyword, out DicomDictionaryEntry entry) => _byKeyword.TryGetValue(keyword, out entry!);

    /// <summary>The dictionary VR of a tag: UL for group lengths, LO for private creators, UN when unknown.</summary>
    public DicomVR GetVR(DicomTag tag)
    {
        if (TryGetEntry(tag, out var entry))
        {
            return entry.VR;
        }

        if (tag.Element == 0)
        {
            return DicomVR.UL;
        }

        return tag.IsPrivateCreator ? DicomVR.LO : DicomVR.UN;
    }

    /// <summary>The keyword of a tag, or a descriptive placeholder for private and unknown tags.</summary>
    public string GetKeyword(DicomTag tag)
    {
        if (TryGetEntry(tag, out var entry))
        {
            return entry.Keyword;
        }

        if (tag.Element == 0)
        {
            return "GroupLength";
        }

        if (tag.IsPrivateCreator)
        {
            return "PrivateCreator";
        }

        return tag.IsPrivate ? "PrivateTag" : "Unknown Tag & Data";
    }

    private static (DicomVR VR, bool Ambiguous) MapVR(string code) => code switch
    {
        "xs" => (DicomVR.US, true),
        "ox" or "px" => (DicomVR.OW, true),
        "lt" => (DicomVR.OW, true),
        "up" => (DicomVR.UL, false),
        "na" => (DicomVR.None, false),
        _ => DicomVRInfo.TryParse(code, out var vr) ? (vr, false) : throw new InvalidDataException($"Unknown VR '{code}' in the dictionary table."),
    };

    private static (uint Min, uint Max, bool Odd) ParseRange(string text)
    {
        var parts = text.Split('-');
        var min = uint.Parse(parts[0], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        if (parts.Length == 1)
        {
            return (min, min, false);
        }

        var max = uint.Parse(parts[^1], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        var odd = parts.Length == 3 && parts[1] is "o" or "u";
        return (min, max, odd);
    }

    private static string SplitWords(string keyword)
    {
        var builder = new StringBuilder(keyword.Length + 8);
        for (var i = 0; i < keyword.Length; i++)
        {
            var c = keyword[i];
            if (i > 0 && char.IsUpper(c) && (char.IsLower(keyword[i - 1]) || (i + 1 < keyword.Length && char.IsLower(keyword[i + 1]) && char.IsUpper(keyword[i - 1]))))
            {
                builder.Append(' ');
            }

            builder.Append(c == '_' ? ' ' : c);
        }

        return builder.ToString();
    }
}
