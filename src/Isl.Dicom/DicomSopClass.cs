namespace Isl.Dicom;

/// <summary>Well-known SOP Class UIDs.</summary>
public static class DicomSopClass
{
    /// <summary>Verification SOP Class (C-ECHO).</summary>
    public const string Verification = "1.2.840.10008.1.1";

    /// <summary>CT Image Storage.</summary>
    public const string CTImageStorage = "1.2.840.10008.5.1.4.1.1.2";

    /// <summary>Enhanced CT Image Storage.</summary>
    public const string EnhancedCTImageStorage = "1.2.840.10008.5.1.4.1.1.2.1";

    /// <summary>MR Image Storage.</summary>
    public const string MRImageStorage = "1.2.840.10008.5.1.4.1.1.4";

    /// <summary>Enhanced MR Image Storage.</summary>
    public const string EnhancedMRImageStorage = "1.2.840.10008.5.1.4.1.1.4.1";

    /// <summary>Secondary Capture Image Storage.</summary>
    public const string SecondaryCaptureImageStorage = "1.2.840.10008.5.1.4.1.1.7";

    /// <summary>Multi-frame Grayscale Byte Secondary Capture Image Storage.</summary>
    public const string MultiFrameGrayscaleByteSecondaryCaptureImageStorage = "1.2.840.10008.5.1.4.1.1.7.2";

    /// <summary>Multi-frame Grayscale Word Secondary Capture Image Storage.</summary>
    public const string MultiFrameGrayscaleWordSecondaryCaptureImageStorage = "1.2.840.10008.5.1.4.1.1.7.3";

    /// <summary>Multi-frame True Color Secondary Capture Image Storage.</summary>
    public const string MultiFrameTrueColorSecondaryCaptureImageStorage = "1.2.840.10008.5.1.4.1.1.7.4";

    /// <summary>Computed Radiography Image Storage.</summary>
    public const string ComputedRadiographyImageStorage = "1.2.840.10008.5.1.4.1.1.1";

    /// <summary>Ultrasound Image Storage.</summary>
    public const string UltrasoundImageStorage = "1.2.840.10008.5.1.4.1.1.6.1";

    /// <summary>Basic Text SR Storage.</summary>
    public const string BasicTextSRStorage = "1.2.840.10008.5.1.4.1.1.88.11";

    /// <summary>Enhanced SR Storage.</summary>
    public const string EnhancedSRStorage = "1.2.840.10008.5.1.4.1.1.88.22";

    /// <summary>Comprehensive SR Storage.</summary>
    public const string ComprehensiveSRStorage = "1.2.840.10008.5.1.4.1.1.88.33";

    /// <summary>Comprehensive 3D SR Storage.</summary>
    public const string Comprehensive3DSRStorage = "1.2.840.10008.5.1.4.1.1.88.34";

    /// <summary>Key Object Selection Document Storage.</summary>
    public const string KeyObjectSelectionDocumentStorage = "1.2.840.10008.5.1.4.1.1.88.59";

    /// <summary>Encapsulated PDF Storage.</summary>
    public const string EncapsulatedPDFStorage = "1.2.840.10008.5.1.4.1.1.104.1";

    /// <summary>Grayscale Softcopy Presentation State Storage.</summary>
    public const string GrayscaleSoftcopyPresentationStateStorage = "1.2.840.10008.5.1.4.1.1.11.1";

    /// <summary>Segmentation Storage.</summary>
    public const string SegmentationStorage = "1.2.840.10008.5.1.4.1.1.66.4";

    /// <summary>Study Root Query/Retrieve Information Model - FIND.</summary>
    public const string StudyRootQueryRetrieveFind = "1.2.840.10008.5.1.4.1.2.2.1";

    /// <summary>Study Root Query/Retrieve Information Model - MOVE.</summary>
    public const string StudyRootQueryRetrieveMove = "1.2.840.10008.5.1.4.1.2.2.2";
}
