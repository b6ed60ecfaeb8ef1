namespace Isl.Dicom;

/// <summary>One entry of the data dictionary.</summary>
/// <param name="Tag">The tag (for repeating groups, the first tag of the range).</param>
/// <param name="VR">The VR used when the encoding does not say (Implicit VR); the first of several allowed.</param>
/// <param name="VM">The value multiplicity, e.g. "1", "1-n", "3".</param>
/// <param name="Keyword">The dcmtk keyword, e.g. "PatientName".</param>
/// <param name="Name">The keyword split into words, e.g. "Patient Name".</param>
/// <param name="IsRetired">True when the attribute is retired from the standard.</param>
public sealed record DicomDictionaryEntry(DicomTag Tag, DicomVR VR, string VM, string Keyword, string Name, bool IsRetired)
{
    /// <summary>True when the dictionary allows several VRs (US or SS, OB or OW) and <see cref="VR"/> is only the default.</summary>
    public bool HasAmbiguousVR { get; init; }
}
