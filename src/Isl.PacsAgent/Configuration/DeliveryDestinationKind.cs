namespace Isl.PacsAgent.Configuration;

/// <summary>How results reach a destination.</summary>
public enum DeliveryDestinationKind
{
    /// <summary>C-STORE SCU to a DICOM AE.</summary>
    CStore,

    /// <summary>STOW-RS to a DICOMweb service.</summary>
    StowRs,

    /// <summary>Orthanc's REST API (<c>POST /instances</c>, plus study metadata for the priority signal).</summary>
    OrthancRest,
}
