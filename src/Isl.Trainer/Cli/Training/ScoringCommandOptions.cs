using System.CommandLine;
using Isl.Model.Inference;
using Isl.Model.Runtime;
using Isl.Model.Scoring;

namespace Isl.Trainer.Cli.Training;

/// <summary>The options every verb that runs a network shares: device, threads, batch, grid mode and score kind.</summary>
internal sealed class ScoringCommandOptions
{
    private readonly Option<string> _device = new("--device") { Description = DeviceOption.Forms, DefaultValueFactory = _ => "auto" };
    private readonly Option<string> _engine = new("--engine") { Description = "What runs the networks: torch (TorchSharp) or onnx (ONNX Runtime over the bundle's .onnx files)", DefaultValueFactory = _ => "torch" };
    private readonly Option<int> _threads = new("--threads") { Description = "CPU threads for torch and the onnx engine (0 = library default)", DefaultValueFactory = _ => 0 };
    private readonly Option<int> _batch = new("--batch-slices") { Description = "Slices per scoring batch", DefaultValueFactory = _ => 8 };
    private readonly Option<GridMode?> _grid = new("--grid-mode") { Description = "Exact (K² passes, the paper) or Fast; default: the bundle's" };
    private readonly Option<SliceScoreKind?> _score = new("--score") { Description = "Drn (the method), DScore (pixel sum of x_dif, ablation) or Apds (mean heatmap over the brain); default: the bundle's own" };
    private readonly Option<string?> _heatmap = new("--heatmap-mode") { Description = "paper (t, s×s box, exponential) or calibrated (excess over the bundle's normal residual); default: the bundle's" };
    private readonly Option<string?> _polarity = new("--heatmap-polarity") { Description = "absolute (|x − x_dd|, the paper) or brighter (only where the slice is denser than its reconstruction); default: the bundle's" };
    private readonly bool _scoring;
    private readonly bool _choices;

    /// <summary>
    /// Creates the options; <paramref name="scoring"/> adds the scoring-only ones (batch, grid), <paramref name="choices"/>
    /// the overrides of what is scored and shown (score kind, heatmap mode and polarity).
    /// </summary>
    public ScoringCommandOptions(bool scoring = true, bool choices = true)
    {
        _device.Validators.Add(result =>
        {
            if (!DeviceOption.TryParse(result.GetValueOrDefault<string>(), out _))
            {
                result.AddError($"--device is '{result.GetValueOrDefault<string>()}'; use {DeviceOption.Forms}.");
            }
        });
        _engine.AcceptOnlyFromAmong("torch", "onnx");
        _heatmap.AcceptOnlyFromAmong("paper", "calibrated");
        _polarity.AcceptOnlyFromAmong("absolute", "brighter");
        _scoring = scoring;
        _choices = scoring && choices;
    }

    /// <summary>Adds the options to <paramref name="command"/>.</summary>
    public void AddTo(Command command)
    {
        command.Options.Add(_device);
        command.Options.Add(_threads);
        if (_scoring)
        {
            command.Options.Add(_engine);
            command.Options.Add(_batch);
            command.Options.Add(_grid);
        }

        if (_choices)
        {
            command.Options.Add(_score);
            command.Options.Add(_heatmap);
            command.Options.Add(_polarity);
        }
    }

    /// <summary>The parsed values.</summary>
    public ScoringSettings Read(ParseResult parse)
    {
        var device = DeviceOption.Parse(parse.GetValue(_device));
        if (!_scoring)
        {
            return new(device, InferenceEngine.Torch, parse.GetValue(_threads), 1);
        }

        ScoringSettings settings = new(device, InferenceEngines.Parse(parse.GetValue(_engine)), parse.GetValue(_threads), Math.Max(1, parse.GetValue(_batch)), parse.GetValue(_grid));
        return _choices ? settings with { Score = parse.GetValue(_score), HeatmapMode = parse.GetValue(_heatmap), HeatmapPolarity = parse.GetValue(_polarity) } : settings;
    }
}
