namespace Isl.PacsAgent.Configuration;

/// <summary>The ISL scorer (configuration section <c>Scoring</c>).</summary>
public sealed class ScoringOptions
{
    /// <summary>The configuration section name.</summary>
    public const string SectionName = "Scoring";

    /// <summary>
    /// The model bundle folder (appsettings.json: <c>samples/models/head-ct</c>, which the build copies beside the agent);
    /// a relative path is looked up beside the agent first, then in the working folder. Loaded and validated at start-up.
    /// </summary>
    public string BundlePath { get; set; } = "";

    /// <summary>
    /// A series thinner than this (mm) is scored as slabs of the model's slice thickness (the bundle's
    /// <c>sliceThicknessMm</c>): consecutive slices along the slice normal averaged in HU; 0 scores every slice as it is.
    /// </summary>
    public double ThinSliceThicknessMm { get; set; } = 2.5;

    /// <summary>
    /// The compute device: <c>cpu</c>, <c>cuda</c>, <c>cuda:N</c> or <c>auto</c> (parsed by <c>Isl.Model.Runtime.DeviceOption</c>).
    /// A CUDA device that the engine cannot use stops the start with one line; <c>auto</c> falls back to the CPU.
    /// </summary>
    public string Device { get; set; } = "auto";

    /// <summary>
    /// What runs the networks: <c>torch</c> (TorchSharp over the bundle's .bin weights) or <c>onnx</c> (ONNX Runtime over its
    /// .onnx files, <c>isl-trainer export --onnx</c>; the CUDA provider with a <c>-p:IslOnnxBackend=cuda</c> build).
    /// </summary>
    public string Engine { get; set; } = "onnx";

    /// <summary>
    /// Studies processed at once: selection, pixel loading, SR/SC writing and delivery of one study overlap the model
    /// inference of another; the inference itself runs one study at a time (one model, which uses all its threads), so
    /// more than 2 workers only adds memory.
    /// </summary>
    public int Workers { get; set; } = 1;

    /// <summary>Studies that may wait for a worker before assembly jobs block.</summary>
    public int QueueCapacity { get; set; } = 64;
}
