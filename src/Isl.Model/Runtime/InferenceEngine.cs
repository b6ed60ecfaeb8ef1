namespace Isl.Model.Runtime;

/// <summary>What runs the DeDN generator and DRN encoder at scoring time (training always runs in TorchSharp).</summary>
public enum InferenceEngine
{
    /// <summary>TorchSharp over the bundle's .bin weights (CPU build here; CUDA with <c>-p:IslTorchBackend=cuda</c>).</summary>
    Torch,

    /// <summary>ONNX Runtime over the bundle's .onnx files (CPU; CUDA with <c>-p:IslOnnxBackend=cuda</c>).</summary>
    Onnx,
}
