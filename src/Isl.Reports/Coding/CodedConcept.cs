using Isl.Dicom;

namespace Isl.Reports.Coding;

/// <summary>A coded concept (code value, coding scheme designator, code meaning) as SR and code sequences use it.</summary>
/// <param name="Value">The code value.</param>
/// <param name="Scheme">The coding scheme designator (DCM, SCT, LN, UCUM, 99ISL, ...).</param>
/// <param name="Meaning">The code meaning shown to people.</param>
public sealed record CodedConcept(string Value, string Scheme, string Meaning)
{
    /// <summary>One item of a code sequence (Code Value, or Long Code Value beyond 16 characters).</summary>
    public DicomDataset ToItem()
    {
        var item = new DicomDataset();
        item.Set(Value.Length > 16 ? DicomTags.LongCodeValue : DicomTags.CodeValue, Value);
        item.Set(DicomTags.CodingSchemeDesignator, Scheme);
        item.Set(DicomTags.CodeMeaning, Meaning);
        return item;
    }

    /// <summary>"(value, scheme, "meaning")", as dsrdump prints it.</summary>
    public override string ToString() => $"({Value}, {Scheme}, \"{Meaning}\")";
}
