using TorchSharp;

namespace Isl.Model.Runtime;

/// <summary>Device choice, thread count and seeding for TorchSharp.</summary>
public static class TorchRuntime
{
    /// <summary>Parses "auto", "cpu" or "cuda" (case-insensitive).</summary>
    public static DeviceOption ParseDevice(string text) => text?.Trim().ToLowerInvariant() switch
    {
        "auto" => DeviceOption.Auto,
        "cpu" => DeviceOption.Cpu,
        "cuda" or "gpu" => DeviceOption.Cuda,
        _ => throw new IslModelException($"Unknown device '{text}': use auto, cpu or cuda."),
    };

    /// <summary>Resolves the option to a torch device; CUDA fails clearly when absent.</summary>
    public static torch.Device Resolve(DeviceOption option)
    {
        switch (option)
        {
            case DeviceOption.Cpu:
                return torch.CPU;
            case DeviceOption.Cuda:
                if (!torch.cuda.is_available())
                {
                    throw new IslModelException("Device 'cuda' was asked for, but no CUDA device is available: build with -p:IslTorchBackend=cuda on a machine with an NVIDIA GPU, or use --device cpu.");
                }

                return torch.CUDA;
            default:
                return torch.cuda.is_available() ? torch.CUDA : torch.CPU;
        }
    }

    /// <summary>Sets the intra-op thread count (0 or less keeps libtorch's default).</summary>
    public static void SetThreads(int threads)
    {
        if (threads > 0)
        {
            torch.set_num_threads(threads);
        }
    }

    /// <summary>Seeds torch's generators (TorchSharp 0.107 does not implement use_deterministic_algorithms; CPU kernels are deterministic for a fixed thread count).</summary>
    public static void Seed(long seed)
    {
        torch.manual_seed(seed);
        if (torch.cuda.is_available())
        {
            torch.cuda.manual_seed_all(seed);
        }
    }
}
