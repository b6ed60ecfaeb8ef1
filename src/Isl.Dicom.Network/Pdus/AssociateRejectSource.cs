namespace Isl.Dicom.Network.Pdus;

/// <summary>The Source field of A-ASSOCIATE-RJ.</summary>
public enum AssociateRejectSource : byte
{
    /// <summary>DICOM UL service-user (AE titles, application context).</summary>
    ServiceUser = 1,

    /// <summary>DICOM UL service-provider, ACSE related function (protocol version).</summary>
    ServiceProviderAcse = 2,

    /// <summary>DICOM UL service-provider, presentation related function (congestion, limits).</summary>
    ServiceProviderPresentation = 3,
}
