namespace Isl.Dicom.Network.Pdus;

/// <summary>The Source field of A-ABORT.</summary>
public enum AbortSource : byte
{
    /// <summary>DICOM UL service-user initiated abort.</summary>
    ServiceUser = 0,

    /// <summary>Reserved value.</summary>
    Reserved = 1,

    /// <summary>DICOM UL service-provider initiated abort.</summary>
    ServiceProvider = 2,
}
