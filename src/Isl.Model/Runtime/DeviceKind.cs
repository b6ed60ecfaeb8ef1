namespace Isl.Model.Runtime;

/// <summary>The kind of device a <see cref="DeviceOption"/> names.</summary>
public enum DeviceKind
{
    /// <summary>CUDA when the engine has it and a GPU is visible, else CPU.</summary>
    Auto,

    /// <summary>Always the CPU.</summary>
    Cpu,

    /// <summary>Always CUDA; fails clearly when it is unavailable.</summary>
    Cuda,
}
