namespace Isl.Dicom.Network;

/// <summary>The implementation identity this stack announces in association negotiation.</summary>
public static class NetworkImplementation
{
    /// <summary>Implementation Class UID of the Isl DICOM network stack.</summary>
    public const string ClassUid = "2.25.96454159877471188201008087972354007209";

    /// <summary>Implementation Version Name (at most 16 characters).</summary>
    public const string VersionName = "ISL_NET_1";
}
