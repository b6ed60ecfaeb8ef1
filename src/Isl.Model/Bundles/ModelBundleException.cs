namespace Isl.Model.Bundles;

/// <summary>A model bundle is missing, corrupted or does not match what the code expects.</summary>
public sealed class ModelBundleException : IslModelException
{
    /// <summary>Creates the exception.</summary>
    public ModelBundleException() { }

    /// <summary>Creates the exception with a message.</summary>
    public ModelBundleException(string message) : base(message) { }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public ModelBundleException(string message, Exception innerException) : base(message, innerException) { }
}
