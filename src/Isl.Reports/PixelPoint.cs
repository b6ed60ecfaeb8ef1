namespace Isl.Reports;

/// <summary>
/// A point in image pixel coordinates as DICOM SCOORD uses them: (0,0) is the top-left corner of the
/// top-left pixel, so the centre of pixel (column c, row r) is (c + 0.5, r + 0.5).
/// </summary>
/// <param name="Column">The horizontal coordinate (sub-pixel).</param>
/// <param name="Row">The vertical coordinate (sub-pixel).</param>
public readonly record struct PixelPoint(double Column, double Row);
