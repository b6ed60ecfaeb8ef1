using Isl.Dicom;

namespace Isl.Reports.StructuredReport;

/// <summary>Hierarchical SOP Instance Reference items (study → series → instances), as the evidence and predecessor sequences need.</summary>
internal static class EvidenceSequence
{
    public static List<DicomDataset> Of(IEnumerable<SourceImage> images) =>
        images.GroupBy(i => i.StudyInstanceUid, StringComparer.Ordinal).Select(study =>
        {
            var series = study.GroupBy(i => i.SeriesInstanceUid, StringComparer.Ordinal).Select(s =>
                SeriesItem(s.Key, s.Select(i => SrContent.SopReference(i.SopClassUid, i.SopInstanceUid)))).ToList();
            return StudyItem(study.Key, series);
        }).ToList();

    public static List<DicomDataset> Of(string studyInstanceUid, PredecessorReport predecessor) =>
        [StudyItem(studyInstanceUid, [SeriesItem(predecessor.SeriesInstanceUid, [SrContent.SopReference(predecessor.SopClassUid, predecessor.SopInstanceUid)])])];

    private static DicomDataset StudyItem(string studyInstanceUid, IEnumerable<DicomDataset> series)
    {
        var item = new DicomDataset();
        item.Set(DicomTags.StudyInstanceUID, studyInstanceUid);
        item.SetSequence(DicomTags.ReferencedSeriesSequence, series);
        return item;
    }

    private static DicomDataset SeriesItem(string seriesInstanceUid, IEnumerable<DicomDataset> instances)
    {
        var item = new DicomDataset();
        item.Set(DicomTags.SeriesInstanceUID, seriesInstanceUid);
        item.SetSequence(DicomTags.ReferencedSOPSequence, instances);
        return item;
    }
}
