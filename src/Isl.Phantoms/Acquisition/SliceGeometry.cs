using Isl.Phantoms.Mathematics;

namespace Isl.Phantoms.Acquisition;

/// <summary>
/// Where each slice lies in patient space. The table moves along z; with gantry tilt the image
/// plane tilts about the x axis (like GE's tilted acquisitions), so successive positions stay a
/// slice spacing apart along the plane normal.
/// </summary>
internal sealed class SliceGeometry
{
    public SliceGeometry(AcquisitionParameters acquisition, Point3 fovCenterOfFirstSlice, int sliceCount)
    {
        Rows = acquisition.Rows;
        Columns = acquisition.Columns;
        PixelSpacingMm = acquisition.PixelSpacingMm;
        SliceCount = sliceCount;
        var tilt = acquisition.GantryTiltDeg * Math.PI / 180;
        RowDirection = new Point3(1, 0, 0);
        ColumnDirection = new Point3(0, Math.Cos(tilt), -Math.Sin(tilt));
        Normal = new Point3(0, Math.Sin(tilt), Math.Cos(tilt));
        TableStepMm = acquisition.SliceSpacingMm / Math.Cos(tilt);
        var half = PixelSpacingMm * Columns / 2;
        FirstPosition = fovCenterOfFirstSlice - (RowDirection * half) - (ColumnDirection * (PixelSpacingMm * Rows / 2));
    }

    public int Rows { get; }

    public int Columns { get; }

    public double PixelSpacingMm { get; }

    public int SliceCount { get; }

    public Point3 RowDirection { get; }

    public Point3 ColumnDirection { get; }

    public Point3 Normal { get; }

    public double TableStepMm { get; }

    public Point3 FirstPosition { get; }

    /// <summary>ImagePositionPatient of slice <paramref name="index"/> (0 = most inferior).</summary>
    public Point3 Position(int index) => FirstPosition + new Point3(0, 0, TableStepMm * index);

    /// <summary>Patient coordinates of the centre of pixel (row, column) on slice <paramref name="index"/>.</summary>
    public Point3 PixelCenter(int index, double row, double column) =>
        Position(index) + (RowDirection * (column * PixelSpacingMm)) + (ColumnDirection * (row * PixelSpacingMm));
}
