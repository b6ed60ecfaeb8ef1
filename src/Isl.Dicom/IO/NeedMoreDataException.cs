namespace Isl.Dicom.IO;

/// <summary>Thrown inside the parser when a partially loaded buffer ends before the parse does; the caller loads more and retries.</summary>
internal sealed class NeedMoreDataException : Exception
{
    public NeedMoreDataException()
        : base("More input is needed.")
    {
    }

    public NeedMoreDataException(string message)
        : base(message)
    {
    }

    public NeedMoreDataException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
