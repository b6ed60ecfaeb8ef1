using Isl.Dicom.Network.Dimse;

namespace Isl.Dicom.Network.Storage;

/// <summary>
/// A received data set that must not be acknowledged: it does not parse to its end, its pixel data is incomplete,
/// or it does not carry the identity the C-STORE command announced. <see cref="Status"/> is the DIMSE failure to answer.
/// </summary>
public sealed class InstanceRejectedException : DicomNetworkException
{
    /// <summary>Creates the exception with the status that answers it and the reason (sent as the error comment).</summary>
    public InstanceRejectedException(ushort status, string message)
        : base(message)
    {
        Status = status;
    }

    /// <summary>Creates the exception with the status, the reason and its cause.</summary>
    public InstanceRejectedException(ushort status, string message, Exception innerException)
        : base(message, innerException)
    {
        Status = status;
    }

    /// <summary>The DIMSE failure status, e.g. <see cref="DimseStatus.CannotUnderstand"/> or <see cref="DimseStatus.DatasetDoesNotMatchSopClass"/>.</summary>
    public ushort Status { get; }
}
