namespace Isl.Phantoms;

/// <summary>Raised for an invalid phantom request or an output that cannot be written.</summary>
public sealed class PhantomException : Exception
{
    /// <summary>Creates the exception with a message that says what was wrong.</summary>
    public PhantomException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the underlying cause.</summary>
    public PhantomException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception with a generic message.</summary>
    public PhantomException()
        : base("Invalid phantom request.")
    {
    }
}
