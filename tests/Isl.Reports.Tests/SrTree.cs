using Isl.Dicom;

namespace Isl.Reports.Tests;

/// <summary>Walks an SR content tree in tests.</summary>
internal static class SrTree
{
    public static IReadOnlyList<DicomDataset> Children(DicomDataset item) =>
        item.TryGetSequence(DicomTags.ContentSequence, out var children) ? children : [];

    public static string ConceptValue(DicomDataset item) =>
        item.TryGetSequence(DicomTags.ConceptNameCodeSequence, out var name) && name.Count == 1 ? name[0].GetString(DicomTags.CodeValue) : "";

    public static DicomDataset Child(DicomDataset item, string conceptValue) =>
        Children(item).Single(c => ConceptValue(c) == conceptValue);

    public static IEnumerable<DicomDataset> Descendants(DicomDataset item) =>
        Children(item).SelectMany(c => Descendants(c).Prepend(c));

    public static string CodeOf(DicomDataset codeItem) => codeItem.GetSequence(DicomTags.ConceptCodeSequence)[0].GetString(DicomTags.CodeValue);

    public static double NumOf(DicomDataset numItem) => numItem.GetSequence(DicomTags.MeasuredValueSequence)[0].GetDouble(DicomTags.NumericValue);

    /// <summary>Every SOP Instance UID referenced anywhere in the dataset (content and evidence).</summary>
    public static IEnumerable<string> ReferencedInstances(DicomDataset dataset)
    {
        foreach (var element in dataset)
        {
            if (element.Tag == DicomTags.ReferencedSOPInstanceUID)
            {
                yield return dataset.GetString(DicomTags.ReferencedSOPInstanceUID);
            }

            foreach (var uid in element.Items.SelectMany(ReferencedInstances))
            {
                yield return uid;
            }
        }
    }
}
