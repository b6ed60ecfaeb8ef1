namespace Isl.Model.Runtime;

/// <summary>Where the networks run.</summary>
public enum DeviceOption
{
    /// <summary>CUDA when the CUDA backend is present and a GPU is visible, else CPU.</summary>
    Auto,

    /// <summary>Always the CPU.</summary>
    Cpu,

    /// <summary>Always CUDA; fails clearly when it is unavailable.</summary>
    Cuda,
}
