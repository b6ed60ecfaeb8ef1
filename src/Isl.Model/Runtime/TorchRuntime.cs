using TorchSharp;

namespace Isl.Model.Runtime;

/// <summary>Device choice, thread count and seeding for TorchSharp.</summary>
public static class TorchRuntime
{
    /// <summary>Resolves the option to a torch device; CUDA fails clearly when absent.</summary>
    public static torch.Device Resolve(DeviceOption option)
    {
        switch (option.Kind)
        {
            case DeviceKind.Cpu:
                return torch.CPU;
            case DeviceKind.Cuda:
                if (!torch.cuda.is_available())
                {
                    throw new IslModelException($"Device '{option}' was asked for, but TorchSharp sees no CUDA device: build with -p:IslTorchBackend=cuda on a machine with an NVIDIA GPU, use the onnx engine with -p:IslOnnxBackend=cuda, or use device cpu.");
                }

                if (option.Index >= torch.cuda.device_count())
                {
                    throw new IslModelException($"Device '{option}' was asked for, but TorchSharp sees {torch.cuda.device_count()} CUDA device(s).");
                }

                return new torch.Device(DeviceType.CUDA, option.Index);
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
