using Isl.Dicom;
using Isl.Phantoms.Acquisition;
using Isl.Phantoms.Lesions;
using Isl.Phantoms.Output;

namespace Isl.Phantoms;

/// <summary>
/// A generated head CT study in memory: HU slices (inferior to superior), the lesion mask, the
/// ground-truth labels and everything needed to write it as a DICOM CT series.
/// </summary>
public sealed class PhantomStudy
{
    private readonly short[][] _hu;
    private readonly byte[][] _masks;
    private readonly SliceGeometry _geometry;

    internal PhantomStudy(PhantomSpec spec, PhantomIdentity identity, AcquisitionParameters acquisition, SliceGeometry geometry, short[][] hu, byte[][] masks, IReadOnlyList<Lesion> lesions)
    {
        Spec = spec;
        Identity = identity;
        _geometry = geometry;
        _hu = hu;
        _masks = masks;
        SliceThicknessMm = acquisition.SliceThicknessMm;
        SliceSpacingMm = acquisition.SliceSpacingMm;
        GantryTiltDeg = acquisition.GantryTiltDeg;
        FieldOfViewMm = acquisition.FieldOfViewMm;
        NoiseSigmaHu = acquisition.NoiseSigmaHu;
        BeamHardening = acquisition.BeamHardening;
        TubeCurrentMa = acquisition.TubeCurrentMa;
        TableHeightMm = acquisition.TableHeightMm;
        ImageOrientationPatient =
        [
            geometry.RowDirection.X, geometry.RowDirection.Y, geometry.RowDirection.Z,
            Math.Round(geometry.ColumnDirection.X, 6) + 0.0, Math.Round(geometry.ColumnDirection.Y, 6) + 0.0, Math.Round(geometry.ColumnDirection.Z, 6) + 0.0,
        ];
        Lesions = lesions.Select(Label).ToArray();
    }

    /// <summary>What was asked for.</summary>
    public PhantomSpec Spec { get; }

    /// <summary>Synthetic patient, UIDs and dates.</summary>
    public PhantomIdentity Identity { get; }

    /// <summary>True when the study carries no lesion.</summary>
    public bool IsNormal => Lesions.Count == 0;

    /// <summary>Number of slices (instances).</summary>
    public int SliceCount => _hu.Length;

    /// <summary>Rows per slice (512).</summary>
    public int Rows => _geometry.Rows;

    /// <summary>Columns per slice (512).</summary>
    public int Columns => _geometry.Columns;

    /// <summary>Square pixel size (mm).</summary>
    public double PixelSpacingMm => _geometry.PixelSpacingMm;

    /// <summary>Reconstructed slice thickness (mm).</summary>
    public double SliceThicknessMm { get; }

    /// <summary>Distance between slices along the plane normal (mm).</summary>
    public double SliceSpacingMm { get; }

    /// <summary>Gantry tilt (degrees); the image plane tilts about the patient's x axis.</summary>
    public double GantryTiltDeg { get; }

    /// <summary>Reconstruction diameter (mm).</summary>
    public double FieldOfViewMm { get; }

    /// <summary>Standard deviation of the added correlated noise (HU).</summary>
    public double NoiseSigmaHu { get; }

    /// <summary>Whether beam-hardening streaks were added near the skull base.</summary>
    public bool BeamHardening { get; }

    /// <summary>Tube current (mA), written to the headers.</summary>
    public int TubeCurrentMa { get; }

    /// <summary>Table height (mm), written to the headers.</summary>
    public double TableHeightMm { get; }

    /// <summary>ImageOrientationPatient (row then column direction cosines).</summary>
    public double[] ImageOrientationPatient { get; }

    /// <summary>The ground truth, one entry per lesion (a tumour brings its edema as a second entry).</summary>
    public IReadOnlyList<PhantomLesionLabel> Lesions { get; }

    /// <summary>A folder name that says what the study holds, e.g. "abnormal-000007-subdural-hematoma".</summary>
    public string FolderName =>
        IsNormal
            ? $"normal-{Spec.Seed:D6}"
            : $"abnormal-{Spec.Seed:D6}-{string.Join('+', Lesions.Where(l => l.ParentMaskValue is null).Select(l => l.Type.ToSlug()))}";

    /// <summary>Hounsfield units of slice <paramref name="index"/> (0 = most inferior), row-major.</summary>
    public ReadOnlySpan<short> HounsfieldSlice(int index) => _hu[index];

    /// <summary>Lesion mask of slice <paramref name="index"/>: 0 background, k = lesion with mask value k.</summary>
    public ReadOnlySpan<byte> MaskSlice(int index) => _masks[index];

    /// <summary>ImagePositionPatient of slice <paramref name="index"/> (mm, rounded to 0.1 µm).</summary>
    public double[] ImagePositionPatient(int index)
    {
        var p = _geometry.Position(index);
        return [Math.Round(p.X, 4), Math.Round(p.Y, 4), Math.Round(p.Z, 4)];
    }

    /// <summary>The CT Image Storage dataset of slice <paramref name="index"/> (InstanceNumber index + 1).</summary>
    public DicomDataset CreateDataset(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, SliceCount);
        return CtSeriesWriter.CreateDataset(this, index);
    }

    /// <summary>The labels.json text.</summary>
    public string LabelsJson() => LabelsDocument.ToText(this);

    /// <summary>
    /// Writes the study into <paramref name="directory"/> (created if needed): CT0001.dcm … (Explicit
    /// VR Little Endian, InstanceNumber order = inferior to superior), labels.json and mask.u8.gz.
    /// </summary>
    /// <returns>The DICOM files written.</returns>
    /// <exception cref="PhantomException">When the folder cannot be written.</exception>
    public IReadOnlyList<string> WriteDicom(string directory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        try
        {
            Directory.CreateDirectory(directory);
            var files = CtSeriesWriter.Write(this, directory);
            File.WriteAllBytes(Path.Combine(directory, LabelsDocument.FileName), LabelsDocument.Create(this));
            MaskFile.Write(Path.Combine(directory, MaskFile.FileName), _masks);
            return files;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new PhantomException($"Cannot write the study to {directory}: {ex.Message}", ex);
        }
    }

    private PhantomLesionLabel Label(Lesion lesion)
    {
        long voxels = 0;
        double sum = 0;
        int first = 0, last = 0;
        for (var s = 0; s < SliceCount; s++)
        {
            var mask = _masks[s];
            var hu = _hu[s];
            var inSlice = false;
            for (var i = 0; i < mask.Length; i++)
            {
                if (mask[i] == lesion.MaskValue)
                {
                    voxels++;
                    sum += hu[i];
                    inSlice = true;
                }
            }

            if (inSlice)
            {
                first = first == 0 ? s + 1 : first;
                last = s + 1;
            }
        }

        var voxelMl = PixelSpacingMm * PixelSpacingMm * SliceSpacingMm / 1000;
        double? shift = lesion switch
        {
            SpaceOccupyingLesion { MassRadius: > 0 } mass => Math.Round(mass.MidlineShiftMm, 1),
            ExtraAxialHematoma hematoma => Math.Round(hematoma.MidlineShiftMm, 1),
            _ => null,
        };
        return new PhantomLesionLabel
        {
            MaskValue = lesion.MaskValue,
            Type = lesion.Type,
            Size = lesion.Size,
            Location = lesion.Location,
            VolumeMl = Math.Round(voxels * voxelMl, 2),
            FirstInstance = first,
            LastInstance = last,
            MeanHu = voxels == 0 ? 0 : Math.Round(sum / voxels, 1),
            MidlineShiftMm = shift,
            ParentMaskValue = lesion.ParentMaskValue,
        };
    }
}
