using System.Globalization;
using Isl.Dicom;

namespace Isl.PacsAgent.Tests.TestSupport;

/// <summary>What a radiologist's viewer reads from the agent's TID 1500 SR: the finding, the scores and every referenced image.</summary>
public sealed record TriageSrContent(string FindingCode, double? AnomalyScore, double? Threshold, IReadOnlyList<string> ReferencedSopInstanceUids)
{
    public const string AbnormalCode = "263654008";
    public const string NormalCode = "17621005";

    /// <summary>Walks the content tree of <paramref name="sr"/> (finding 121071, scan score ISL006/ISL007 (ISL001 before), threshold ISL002) and its evidence and image references.</summary>
    public static TriageSrContent Read(DicomDataset sr)
    {
        string finding = "";
        double? score = null;
        double? threshold = null;
        var references = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var series in sr.GetSequence(DicomTags.CurrentRequestedProcedureEvidenceSequence).SelectMany(s => s.GetSequence(DicomTags.ReferencedSeriesSequence)))
        {
            foreach (var sop in series.GetSequence(DicomTags.ReferencedSOPSequence))
            {
                references.Add(sop.GetString(DicomTags.ReferencedSOPInstanceUID));
            }
        }

        void Walk(IReadOnlyList<DicomDataset> items)
        {
            foreach (var item in items)
            {
                var type = item.GetStringOrDefault(DicomTags.ValueType, "");
                var concept = item.TryGetSequence(DicomTags.ConceptNameCodeSequence, out var names) && names.Count > 0 ? names[0].GetString(DicomTags.CodeValue) : "";
                switch (type, concept)
                {
                    case ("CODE", "121071"):
                        finding = item.GetSequence(DicomTags.ConceptCodeSequence)[0].GetString(DicomTags.CodeValue);
                        break;
                    case ("NUM", "ISL001" or "ISL006" or "ISL007"):
                        score = Numeric(item);
                        break;
                    case ("NUM", "ISL002"):
                        threshold = Numeric(item);
                        break;
                    case ("IMAGE", _):
                        references.Add(item.GetSequence(DicomTags.ReferencedSOPSequence)[0].GetString(DicomTags.ReferencedSOPInstanceUID));
                        break;
                }

                if (item.TryGetSequence(DicomTags.ContentSequence, out var children))
                {
                    Walk(children);
                }
            }
        }

        Walk(sr.GetSequence(DicomTags.ContentSequence));
        return new TriageSrContent(finding, score, threshold, [.. references]);
    }

    private static double Numeric(DicomDataset item) =>
        double.Parse(item.GetSequence(DicomTags.MeasuredValueSequence)[0].GetString(DicomTags.NumericValue).Trim(), CultureInfo.InvariantCulture);
}
