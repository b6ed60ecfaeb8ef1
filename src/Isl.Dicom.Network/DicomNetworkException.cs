namespace Isl.Dicom.Network;

/// <summary>A DICOM network operation failed (connection, protocol or peer refusal).</summary>
public class DicomNetworkException : Exception
{
    /// <summary>Creates the exception with a message.</summary>
    public DicomNetworkException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public DicomNetworkException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
