using System.Text.Json;
using System.Text.Json.Serialization;
using Isl.Model.Bundles;
using Isl.Model.Drn;
using Isl.Model.Inference;
using Isl.Model.Networks;
using Isl.Model.Preprocessing;
using Isl.Trainer.Data;

namespace Isl.Trainer.Training;

/// <summary>
/// A training run folder's <c>run.json</c>: what was trained on what, how far it got, and its checkpoint
/// (<c>checkpoint/</c> beside it). <c>train drn</c> and <c>export</c> read the DeDN run's file to rebuild its generator.
/// </summary>
public sealed record TrainingRunInfo
{
    /// <summary>The file name.</summary>
    public const string FileName = "run.json";

    /// <summary>The checkpoint sub-folder.</summary>
    public const string CheckpointFolder = "checkpoint";

    /// <summary><c>dedn</c> or <c>drn</c>.</summary>
    public required string Kind { get; init; }

    /// <summary><c>running</c>, <c>stopped</c> (Ctrl+C; resumable) or <c>complete</c>.</summary>
    public required string Status { get; init; }

    /// <summary>Steps done (for the DRN: pre-training plus compactness/discrimination).</summary>
    public int StepsDone { get; init; }

    /// <summary>Steps planned in total.</summary>
    public int StepsPlanned { get; init; }

    /// <summary>The seed.</summary>
    public int Seed { get; init; }

    /// <summary>The slice cache trained on.</summary>
    public required string Cache { get; init; }

    /// <summary>Network sizes.</summary>
    public required NetworkProfile Profile { get; init; }

    /// <summary>The preprocessing the slices went through.</summary>
    public required PreprocessingSettings Preprocessing { get; init; }

    /// <summary>Grid inference settings (DeDN).</summary>
    public GridSettings Grid { get; init; } = new();

    /// <summary>Canny sigma (DeDN).</summary>
    public double CannySigma { get; init; } = 1.0;

    /// <summary>What the DRN reads (DRN runs).</summary>
    [JsonConverter(typeof(JsonStringEnumConverter<DrnInput>))]
    public DrnInput DrnInput { get; init; } = DrnInput.Difference;

    /// <summary>The DeDN run a DRN run used (DRN runs on difference images).</summary>
    public string? DeDnRun { get; init; }

    /// <summary>The training data summary.</summary>
    public TrainingDataSummary TrainingData { get; init; } = new();

    /// <summary>Loss figures of the last step.</summary>
    public IReadOnlyDictionary<string, double> LastLosses { get; init; } = new Dictionary<string, double>();

    /// <summary>Extra figures (e.g. the DeDN's held reconstruction error).</summary>
    public IReadOnlyDictionary<string, double> Figures { get; init; } = new Dictionary<string, double>();

    /// <summary>The options the run was started with, as text.</summary>
    public string Options { get; init; } = "";

    /// <summary>The run's checkpoint folder.</summary>
    public static string CheckpointOf(string runDirectory) => Path.Combine(runDirectory, CheckpointFolder);

    /// <summary>Reads <c>run.json</c> of <paramref name="runDirectory"/>, optionally requiring a kind.</summary>
    public static TrainingRunInfo Read(string runDirectory, string? kind = null)
    {
        var path = Path.Combine(runDirectory, FileName);
        if (!File.Exists(path))
        {
            throw new TrainerException($"{runDirectory} is not a training run folder (no {FileName}).");
        }

        TrainingRunInfo? info;
        try
        {
            info = JsonSerializer.Deserialize<TrainingRunInfo>(File.ReadAllText(path), SliceCacheJson.Options);
        }
        catch (JsonException ex)
        {
            throw new TrainerException($"{path} is not valid JSON: {ex.Message}", ex);
        }

        if (info is null || (kind is not null && info.Kind != kind))
        {
            throw new TrainerException($"{runDirectory} holds a '{info?.Kind}' run; a '{kind}' run is needed here.");
        }

        return info;
    }

    /// <summary>Writes this record to <paramref name="runDirectory"/> (atomically).</summary>
    public void Write(string runDirectory)
    {
        Directory.CreateDirectory(runDirectory);
        var path = Path.Combine(runDirectory, FileName);
        File.WriteAllText(path + ".tmp", JsonSerializer.Serialize(this, SliceCacheJson.Options));
        File.Move(path + ".tmp", path, overwrite: true);
    }
}
