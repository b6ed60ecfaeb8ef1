using Isl.Dicom;

namespace Isl.PacsAgent.Pipeline;

/// <summary>One source slice as the scorer read it: its data set and its pixels in HU (row-major).</summary>
/// <param name="Dataset">The parsed data set.</param>
/// <param name="Hounsfield">The decoded pixels with the modality rescale applied.</param>
public sealed record LoadedSlice(DicomDataset Dataset, float[] Hounsfield);
