using System.CommandLine;
using Isl.Model.Drn;
using Isl.Model.Runtime;
using Isl.Trainer.Training;

namespace Isl.Trainer.Cli.Training;

/// <summary>The bundle identity options of <c>export</c> and <c>train drn</c>.</summary>
internal sealed class ExportOptions
{
    private readonly Option<string> _modelId = new("--model-id") { Description = "Model id written into the bundle", DefaultValueFactory = _ => "isl-head-ct" };
    private readonly Option<string> _modelVersion = new("--model-version") { Description = "Model version written into the bundle", DefaultValueFactory = _ => "1.0.0" };
    private readonly Option<int> _topK = new("--scan-top-k") { Description = "Scan score = mean of the k highest slices (0 = mean of all, the paper)", DefaultValueFactory = _ => 0 };

    /// <summary>Adds the options to <paramref name="command"/>.</summary>
    public void AddTo(Command command)
    {
        command.Options.Add(_modelId);
        command.Options.Add(_modelVersion);
        command.Options.Add(_topK);
    }

    /// <summary>The parsed values.</summary>
    public BundleExportOptions Read(ParseResult parse, DeviceOption device) => new()
    {
        ModelId = parse.GetValue(_modelId)!,
        ModelVersion = parse.GetValue(_modelVersion)!,
        ScanPooling = parse.GetValue(_topK) > 0 ? new ScanPooling { Mode = "topk", K = parse.GetValue(_topK) } : new ScanPooling(),
        Device = device,
    };
}
