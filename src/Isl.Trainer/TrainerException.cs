namespace Isl.Trainer;

/// <summary>A clear, user-facing failure of a trainer verb (bad input, impossible request); the CLI prints its message and exits non-zero.</summary>
public class TrainerException : Exception
{
    /// <summary>Creates an exception without a message.</summary>
    public TrainerException()
    {
    }

    /// <summary>Creates an exception with a message for the user.</summary>
    public TrainerException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception with a message and the failure that caused it.</summary>
    public TrainerException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
