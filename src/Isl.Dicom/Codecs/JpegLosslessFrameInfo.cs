namespace Isl.Dicom.Codecs;

/// <summary>What the SOF3 header of a lossless JPEG stream declares.</summary>
/// <param name="Precision">Sample precision P in bits (2 to 16).</param>
/// <param name="Rows">Number of lines Y.</param>
/// <param name="Columns">Samples per line X.</param>
/// <param name="Components">Number of image components (1 or 3 in DICOM).</param>
public readonly record struct JpegLosslessFrameInfo(int Precision, int Rows, int Columns, int Components);
