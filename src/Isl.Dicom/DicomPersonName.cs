using System.Text;

namespace Isl.Dicom;

/// <summary>
/// A DICOM Person Name (PN): up to three component groups (alphabetic, ideographic, phonetic) separated by
/// '=', each with five components separated by '^' (family, given, middle, prefix, suffix).
/// </summary>
public sealed class DicomPersonName
{
    /// <summary>Creates a name from its alphabetic components.</summary>
    public DicomPersonName(string familyName, string givenName = "", string middleName = "", string prefix = "", string suffix = "")
    {
        FamilyName = familyName ?? string.Empty;
        GivenName = givenName ?? string.Empty;
        MiddleName = middleName ?? string.Empty;
        Prefix = prefix ?? string.Empty;
        Suffix = suffix ?? string.Empty;
    }

    /// <summary>The family name.</summary>
    public string FamilyName { get; }

    /// <summary>The given name.</summary>
    public string GivenName { get; }

    /// <summary>The middle name.</summary>
    public string MiddleName { get; }

    /// <summary>The name prefix (e.g. "Dr.").</summary>
    public string Prefix { get; }

    /// <summary>The name suffix (e.g. "Jr.").</summary>
    public string Suffix { get; }

    /// <summary>The ideographic component group as written (may be empty).</summary>
    public string Ideographic { get; init; } = string.Empty;

    /// <summary>The phonetic component group as written (may be empty).</summary>
    public string Phonetic { get; init; } = string.Empty;

    /// <summary>Parses a PN value ("Family^Given^Middle^Prefix^Suffix=Ideographic=Phonetic").</summary>
    public static DicomPersonName Parse(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var groups = value.Split('=');
        var components = groups[0].Split('^');
        string Component(int i) => i < components.Length ? components[i].Trim() : string.Empty;
        return new DicomPersonName(Component(0), Component(1), Component(2), Component(3), Component(4))
        {
            Ideographic = groups.Length > 1 ? groups[1] : string.Empty,
            Phonetic = groups.Length > 2 ? groups[2] : string.Empty,
        };
    }

    /// <summary>The PN encoding, with trailing empty components and groups removed.</summary>
    public override string ToString()
    {
        var alphabetic = string.Join('^', FamilyName, GivenName, MiddleName, Prefix, Suffix).TrimEnd('^');
        var builder = new StringBuilder(alphabetic);
        if (Ideographic.Length > 0 || Phonetic.Length > 0)
        {
            builder.Append('=').Append(Ideographic);
        }

        if (Phonetic.Length > 0)
        {
            builder.Append('=').Append(Phonetic);
        }

        return builder.ToString();
    }

    /// <summary>"Given Middle Family" for display.</summary>
    public string ToDisplayString() =>
        string.Join(' ', new[] { Prefix, GivenName, MiddleName, FamilyName, Suffix }.Where(p => p.Length > 0));
}
