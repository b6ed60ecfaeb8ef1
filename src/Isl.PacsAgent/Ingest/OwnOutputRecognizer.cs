using Isl.Dicom;

namespace Isl.PacsAgent.Ingest;

/// <summary>Recognises the agent's own outputs (by private creator, or by Manufacturer on an SR/SC object).</summary>
public static class OwnOutputRecognizer
{
    private static readonly HashSet<string> OutputSopClasses =
    [
        DicomSopClass.SecondaryCaptureImageStorage,
        DicomSopClass.MultiFrameTrueColorSecondaryCaptureImageStorage,
        DicomSopClass.ComprehensiveSRStorage,
        DicomSopClass.Comprehensive3DSRStorage,
        DicomSopClass.EnhancedSRStorage,
        DicomSopClass.BasicTextSRStorage,
    ];

    /// <summary>Whether the data set was produced by this agent.</summary>
    public static bool IsOwnOutput(DicomDataset dataset)
    {
        foreach (var element in dataset)
        {
            var tag = element.Tag;
            if (tag.IsPrivate && tag.Element is >= 0x10 and <= 0xFF
                && dataset.TryGetString(tag, out var creator)
                && creator.Trim().Equals(AgentIdentity.PrivateCreator, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return dataset.GetStringOrDefault(DicomTags.Manufacturer, "")!.Trim().Equals(AgentIdentity.Manufacturer, StringComparison.Ordinal)
            && OutputSopClasses.Contains(dataset.GetStringOrDefault(DicomTags.SOPClassUID, "")!.Trim());
    }
}
