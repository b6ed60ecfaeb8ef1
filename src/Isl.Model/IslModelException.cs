namespace Isl.Model;

/// <summary>A clear, user-facing error from the ISL engine (bad input, bad options, unusable bundle).</summary>
public class IslModelException : Exception
{
    /// <summary>Creates the exception.</summary>
    public IslModelException() { }

    /// <summary>Creates the exception with a message.</summary>
    public IslModelException(string message) : base(message) { }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public IslModelException(string message, Exception innerException) : base(message, innerException) { }
}
