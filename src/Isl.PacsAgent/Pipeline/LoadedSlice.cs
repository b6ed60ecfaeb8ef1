using Isl.Dicom;
using Isl.Model.Scoring;
using Isl.PacsAgent.Selection;

namespace Isl.PacsAgent.Pipeline;

/// <summary>One source slice as the agent read it, once: its header, its data set and its pixels in HU (row-major).</summary>
/// <param name="Header">The catalogued header (selection attributes, spool path).</param>
/// <param name="Dataset">The parsed data set.</param>
/// <param name="Pixels">The decoded pixels with the modality rescale applied, and their size.</param>
public sealed record LoadedSlice(InstanceHeader Header, DicomDataset Dataset, HuSlice Pixels)
{
    /// <summary>The HU pixels, row-major.</summary>
    public float[] Hounsfield => Pixels.Hu;

    /// <summary>SOPInstanceUID.</summary>
    public string SopInstanceUid => Header.SopInstanceUid;
}
