namespace Isl.Model.Preprocessing;

/// <summary>How slices enter the model.</summary>
public enum InputMode
{
    /// <summary>HU slices (from DICOM) mapped through N windows into N channels.</summary>
    HuWindows,

    /// <summary>Pre-windowed 8-bit gray images (e.g. PNG sets) as one channel.</summary>
    Gray8,
}
