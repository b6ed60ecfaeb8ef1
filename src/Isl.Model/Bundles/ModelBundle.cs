using System.Numerics;
using System.Security.Cryptography;
using System.Text.Json;
using Isl.Model.Dedn;
using Isl.Model.Drn;
using Isl.Model.Heatmaps;
using Isl.Model.Networks;
using Isl.Model.Onnx;
using Isl.Model.Runtime;
using TorchSharp;
using static TorchSharp.torch;

namespace Isl.Model.Bundles;

/// <summary>
/// A model bundle folder: manifest.json plus weight files (dedn_generator.bin, drn_encoder.bin). Loading checks the
/// schema, every setting, the file hashes and the weight shapes, and fails with <see cref="ModelBundleException"/>.
/// </summary>
public sealed class ModelBundle : IDisposable
{
    /// <summary>Manifest file name.</summary>
    public const string ManifestFile = "manifest.json";

    /// <summary>Generator weights file name.</summary>
    public const string GeneratorFile = "dedn_generator.bin";

    /// <summary>DRN weights file name.</summary>
    public const string EncoderFile = "drn_encoder.bin";

    private static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = true };

    private ModelBundle(ModelManifest manifest, DeDnGenerator? generator, DrnEncoder encoder, Device device, NormalResidual? normalResidual = null)
    {
        NormalResidual = normalResidual;
        Manifest = manifest;
        Generator = generator;
        Encoder = encoder;
        Device = device;
    }

    /// <summary>The manifest.</summary>
    public ModelManifest Manifest { get; private set; }

    /// <summary>The DeDN generator (null for a raw-image DRN).</summary>
    public DeDnGenerator? Generator { get; }

    /// <summary>The DRN encoder.</summary>
    public DrnEncoder Encoder { get; }

    /// <summary>Where the networks live.</summary>
    public Device Device { get; }

    /// <summary>The normal residual statistics calibrated heatmaps need, when the bundle has them.</summary>
    public NormalResidual? NormalResidual { get; }

    /// <summary>
    /// Writes <paramref name="statistics"/> into the bundle at <paramref name="directory"/> (listed with its SHA-256) and
    /// switches its heatmaps to <paramref name="heatmap"/> (e.g. calibrated mode).
    /// </summary>
    public static ModelManifest SaveNormalResidual(string directory, NormalResidual statistics, HeatmapSettings heatmap)
    {
        var current = ReadManifest(directory);
        if (statistics.Size != current.Preprocessing.Size)
        {
            throw new ModelBundleException($"Normal residual statistics of {statistics.Size}² do not fit this {current.Preprocessing.Size}² bundle.");
        }

        var path = Path.Combine(directory, NormalResidual.FileName);
        statistics.Save(path + ".tmp");
        File.Move(path + ".tmp", path, overwrite: true);
        var files = new Dictionary<string, string>(current.Files) { [NormalResidual.FileName] = HashFile(path) };
        var updated = current with { Heatmap = heatmap, Files = files };
        ValidateSettings(updated);
        WriteManifest(directory, updated);
        return updated;
    }

    /// <summary>
    /// Writes the bundle's DeDN generator and DRN encoder at <paramref name="directory"/> as ONNX models
    /// (<see cref="OnnxExport.GeneratorFile"/>, <see cref="OnnxExport.EncoderFile"/>), listed in the manifest with their
    /// SHA-256 like the other weights, for the onnx engine.
    /// </summary>
    public static ModelManifest SaveOnnx(string directory)
    {
        using var bundle = Load(directory, DeviceOption.Cpu);
        var manifest = bundle.Manifest;
        var size = manifest.Preprocessing.Size;
        var written = new Dictionary<string, byte[]>
        {
            [OnnxExport.EncoderFile] = OnnxExport.Encoder(bundle.Encoder, manifest.Preprocessing.Channels, size),
        };
        if (bundle.Generator is { } generator)
        {
            written[OnnxExport.GeneratorFile] = OnnxExport.Generator(generator, size);
        }

        var files = new Dictionary<string, string>(manifest.Files);
        foreach (var (name, model) in written)
        {
            var path = Path.Combine(directory, name);
            File.WriteAllBytes(path + ".tmp", model);
            File.Move(path + ".tmp", path, overwrite: true);
            files[name] = HashFile(path);
        }

        var updated = ReadManifest(directory) with { Files = files };
        WriteManifest(directory, updated);
        return updated;
    }

    /// <summary>Wraps trained networks (the bundle takes ownership) after checking them against the manifest.</summary>
    public static ModelBundle Create(ModelManifest manifest, DeDnGenerator? generator, DrnEncoder encoder)
    {
        ValidateSettings(manifest);
        if (manifest.DrnInput == DrnInput.Difference && generator is null)
        {
            throw new ModelBundleException("A difference-image model needs its DeDN generator.");
        }

        var device = encoder.parameters().First().device;
        return new ModelBundle(manifest, generator, encoder, device);
    }

    /// <summary>A new DICOM UID (2.25 form) for the device that a training run produces.</summary>
    public static string NewDeviceUid() => "2.25." + new BigInteger(Guid.NewGuid().ToByteArray(), isUnsigned: true, isBigEndian: true).ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Writes the bundle into <paramref name="directory"/> (created if needed); the manifest gets the file hashes.</summary>
    public void Save(string directory)
    {
        Directory.CreateDirectory(directory);
        var files = new Dictionary<string, string>();
        if (Generator is not null)
        {
            Generator.save(Path.Combine(directory, GeneratorFile));
            files[GeneratorFile] = HashFile(Path.Combine(directory, GeneratorFile));
        }

        Encoder.save(Path.Combine(directory, EncoderFile));
        files[EncoderFile] = HashFile(Path.Combine(directory, EncoderFile));
        Manifest = Manifest with { Files = files };
        WriteManifest(directory, Manifest);
    }

    /// <summary>Loads and validates a bundle.</summary>
    public static ModelBundle Load(string directory, DeviceOption device = default)
    {
        var manifest = ReadManifest(directory);
        ValidateSettings(manifest);
        var required = manifest.DrnInput == DrnInput.Difference ? new[] { GeneratorFile, EncoderFile } : [EncoderFile];
        foreach (var name in required)
        {
            if (!manifest.Files.ContainsKey(name))
            {
                throw new ModelBundleException($"Bundle {directory}: the manifest lists no '{name}', which this model needs.");
            }
        }

        foreach (var (name, hash) in manifest.Files)
        {
            var path = Path.Combine(directory, name);
            if (name.Contains('/') || name.Contains('\\') || !File.Exists(path))
            {
                throw new ModelBundleException($"Bundle {directory}: weight file '{name}' is missing.");
            }

            var actual = HashFile(path);
            if (!string.Equals(actual, hash, StringComparison.OrdinalIgnoreCase))
            {
                throw new ModelBundleException($"Bundle {directory}: '{name}' is corrupted or was replaced (SHA-256 {actual[..12]}…, manifest says {hash[..Math.Min(12, hash.Length)]}…).");
            }
        }

        var torchDevice = TorchRuntime.Resolve(device);
        var channels = manifest.Preprocessing.Channels;
        DeDnGenerator? generator = null;
        DrnEncoder? encoder = null;
        try
        {
            if (manifest.DrnInput == DrnInput.Difference)
            {
                generator = new DeDnGenerator(channels, manifest.Profile);
                generator.load(Path.Combine(directory, GeneratorFile));
                generator.to(torchDevice).eval();
            }

            encoder = new DrnEncoder(channels, manifest.Profile);
            encoder.load(Path.Combine(directory, EncoderFile));
            encoder.to(torchDevice).eval();
        }
        catch (Exception e)
        {
            generator?.Dispose();
            encoder?.Dispose();
            throw new ModelBundleException($"Bundle {directory}: the weights do not fit the manifest's profile '{manifest.Profile.Name}' with {channels} channel(s): {e.Message}", e);
        }

        NormalResidual? normal = null;
        if (manifest.Files.ContainsKey(NormalResidual.FileName))
        {
            try
            {
                normal = NormalResidual.Load(Path.Combine(directory, NormalResidual.FileName));
            }
            catch (IslModelException e)
            {
                generator?.Dispose();
                encoder.Dispose();
                throw new ModelBundleException($"Bundle {directory}: {e.Message}", e);
            }
        }

        if (manifest.Heatmap.Mode == HeatmapSettings.CalibratedMode && normal is null)
        {
            generator?.Dispose();
            encoder.Dispose();
            throw new ModelBundleException($"Bundle {directory}: its heatmaps are calibrated but it has no {NormalResidual.FileName}.");
        }

        return new ModelBundle(manifest, generator, encoder, torchDevice, normal);
    }

    /// <summary>Reads only the manifest (no validation of weights).</summary>
    public static ModelManifest ReadManifest(string directory)
    {
        var path = Path.Combine(directory, ManifestFile);
        if (!File.Exists(path))
        {
            throw new ModelBundleException($"{directory} is not a model bundle: {ManifestFile} is missing.");
        }

        ModelManifest? manifest;
        try
        {
            manifest = JsonSerializer.Deserialize<ModelManifest>(File.ReadAllText(path), JsonOptions);
        }
        catch (JsonException e)
        {
            throw new ModelBundleException($"{path} is not a valid manifest: {e.Message}", e);
        }

        if (manifest is null || manifest.Format != ModelManifest.FormatName)
        {
            throw new ModelBundleException($"{path} is not an {ModelManifest.FormatName} manifest.");
        }

        if (manifest.SchemaVersion != ModelManifest.CurrentSchemaVersion)
        {
            throw new ModelBundleException($"{path} has schema version {manifest.SchemaVersion}; this build reads version {ModelManifest.CurrentSchemaVersion}.");
        }

        return manifest;
    }

    /// <summary>Rewrites the manifest of a saved bundle (e.g. to store calibrated thresholds or metrics); weights are untouched.</summary>
    public static ModelManifest UpdateManifest(string directory, Func<ModelManifest, ModelManifest> change)
    {
        var current = ReadManifest(directory);
        var updated = change(current) with { Files = current.Files, Format = ModelManifest.FormatName, SchemaVersion = ModelManifest.CurrentSchemaVersion };
        ValidateSettings(updated);
        WriteManifest(directory, updated);
        return updated;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        Generator?.Dispose();
        Encoder.Dispose();
    }

    private static void WriteManifest(string directory, ModelManifest manifest)
    {
        var path = Path.Combine(directory, ManifestFile);
        var temp = path + ".tmp";
        File.WriteAllText(temp, JsonSerializer.Serialize(manifest, JsonOptions));
        File.Move(temp, path, overwrite: true);
    }

    private static void ValidateSettings(ModelManifest manifest)
    {
        try
        {
            manifest.Profile.Validate();
            manifest.Preprocessing.Validate();
            manifest.Grid.Validate(manifest.Profile.Size);
            manifest.Heatmap.Validate();
            _ = manifest.ScanPooling.Pool([0.0]);
        }
        catch (IslModelException e) when (e is not ModelBundleException)
        {
            throw new ModelBundleException($"Invalid model manifest: {e.Message}", e);
        }

        if (manifest.Preprocessing.Size != manifest.Profile.Size)
        {
            throw new ModelBundleException($"Invalid model manifest: preprocessing size {manifest.Preprocessing.Size} differs from the profile's {manifest.Profile.Size}.");
        }

        if (manifest.Center.Length != manifest.Profile.EmbeddingDim || manifest.Center.Any(v => !float.IsFinite(v)))
        {
            throw new ModelBundleException($"Invalid model manifest: centre c has {manifest.Center.Length} values (finite ones needed), the profile's embedding has {manifest.Profile.EmbeddingDim}.");
        }

        if (string.IsNullOrWhiteSpace(manifest.DeviceUid))
        {
            throw new ModelBundleException("Invalid model manifest: deviceUid is empty.");
        }
    }

    private static string HashFile(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }
}
