using Isl.Model.Bundles;
using Isl.Model.Dedn;
using Isl.Model.Inference;
using Isl.Model.Networks;
using Isl.Model.Runtime;
using Microsoft.ML.OnnxRuntime;
using static TorchSharp.torch;

namespace Isl.Model.Onnx;

/// <summary>
/// The bundle's networks in ONNX Runtime (<see cref="OnnxExport"/>'s files): the CUDA execution provider on a CUDA device
/// when asked for (or when <c>auto</c> finds one), else the CPU provider. Inputs and outputs are CPU torch tensors.
/// </summary>
public sealed class OnnxScoringNetworks : IScoringNetworks
{
    private const string CudaProvider = "CUDAExecutionProvider";
    private readonly InferenceSession? generator;
    private readonly InferenceSession encoder;
    private readonly RunOptions runOptions = new();

    private OnnxScoringNetworks(InferenceSession? generator, InferenceSession encoder, string provider)
    {
        this.generator = generator;
        this.encoder = encoder;
        Description = $"onnx {provider}";
    }

    /// <inheritdoc />
    public string Description { get; }

    /// <inheritdoc />
    public Device Device => CPU;

    /// <inheritdoc />
    public GridInpainter.Inpaint? Inpaint => generator is null ? null : (images, holes, edges) => Run(generator, runOptions, OnnxExport.GeneratorInput, DeDnGenerator.InpaintInput(images, holes, edges));

    /// <summary>
    /// Opens the ONNX networks of the bundle at <paramref name="directory"/> (whose manifest, already checked with its file
    /// hashes by <see cref="ModelBundle.Load"/>, is <paramref name="manifest"/>) on <paramref name="device"/>;
    /// <paramref name="threads"/> intra-op CPU threads (0: ONNX Runtime's default).
    /// </summary>
    public static OnnxScoringNetworks Load(string directory, ModelManifest manifest, DeviceOption device, int threads = 0)
    {
        var needsGenerator = manifest.DrnInput == Drn.DrnInput.Difference;
        foreach (var name in needsGenerator ? new[] { OnnxExport.GeneratorFile, OnnxExport.EncoderFile } : [OnnxExport.EncoderFile])
        {
            if (!manifest.Files.ContainsKey(name))
            {
                throw new ModelBundleException($"Bundle {directory} has no ONNX networks ({name}): add them with `isl-trainer export --onnx --out {directory}`, or use engine torch.");
            }
        }

        var available = OrtEnv.Instance().GetAvailableProviders();
        var cudaBuilt = available.Contains(CudaProvider);
        if (device.Kind == DeviceKind.Cuda && !cudaBuilt)
        {
            throw new IslModelException($"Device '{device}' was asked for, but this build's ONNX Runtime has no CUDA provider (it has {string.Join(", ", available)}): build with -p:IslOnnxBackend=cuda, or use device cpu.");
        }

        if (device.Kind != DeviceKind.Cpu && cudaBuilt)
        {
            try
            {
                return Open(directory, needsGenerator, threads, device.Index);
            }
            catch (OnnxRuntimeException e) when (device.Kind == DeviceKind.Auto)
            {
                _ = e; // auto: no usable GPU, so the CPU provider.
            }
            catch (OnnxRuntimeException e)
            {
                throw new IslModelException($"Device '{device}' was asked for, but ONNX Runtime's CUDA provider cannot start: {e.Message.Split('\n')[0]}", e);
            }
        }

        try
        {
            return Open(directory, needsGenerator, threads, cudaDevice: null);
        }
        catch (OnnxRuntimeException e)
        {
            throw new ModelBundleException($"Bundle {directory}: ONNX Runtime cannot open its networks: {e.Message.Split('\n')[0]}", e);
        }
    }

    /// <inheritdoc />
    public Tensor Embed(Tensor inputs, int batchSize)
    {
        using var scope = NewDisposeScope();
        var parts = new List<Tensor>();
        for (long start = 0; start < inputs.shape[0]; start += batchSize)
        {
            var count = Math.Min(batchSize, inputs.shape[0] - start);
            parts.Add(Run(encoder, runOptions, OnnxExport.EncoderInput, inputs.narrow(0, start, count)));
        }

        return cat(parts, 0).MoveToOuterDisposeScope();
    }

    /// <inheritdoc />
    public void Dispose()
    {
        generator?.Dispose();
        encoder.Dispose();
        runOptions.Dispose();
    }

    private static OnnxScoringNetworks Open(string directory, bool needsGenerator, int threads, int? cudaDevice)
    {
        using var options = new SessionOptions { GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL };

        // Torch's Canny, masking and heatmaps run between the forwards on the same cores: ORT's idle threads must not spin.
        options.AddSessionConfigEntry("session.intra_op.allow_spinning", "0");
        if (threads > 0)
        {
            options.IntraOpNumThreads = threads;
        }

        if (cudaDevice is { } index)
        {
            options.AppendExecutionProvider_CUDA(index);
        }

        InferenceSession? generator = null;
        try
        {
            generator = needsGenerator ? new InferenceSession(Path.Combine(directory, OnnxExport.GeneratorFile), options) : null;
            var encoder = new InferenceSession(Path.Combine(directory, OnnxExport.EncoderFile), options);
            return new OnnxScoringNetworks(generator, encoder, cudaDevice is { } i ? $"{CudaProvider} (device {i})" : "CPUExecutionProvider");
        }
        catch
        {
            generator?.Dispose();
            throw;
        }
    }

    // One forward: a CPU float32 copy of the input in, the output back as a CPU torch tensor.
    private static Tensor Run(InferenceSession session, RunOptions runOptions, string inputName, Tensor input)
    {
        var shape = input.shape;
        var values = input.to(CPU).to_type(ScalarType.Float32).contiguous().data<float>().ToArray();
        using var value = OrtValue.CreateTensorValueFromMemory(values, shape);
        using var outputs = session.Run(runOptions, [inputName], [value], session.OutputNames);
        var output = outputs[0];
        var outputShape = output.GetTensorTypeAndShape().Shape;
        return tensor(output.GetTensorDataAsSpan<float>().ToArray(), outputShape);
    }
}
