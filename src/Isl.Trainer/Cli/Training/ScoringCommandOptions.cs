using System.CommandLine;

namespace Isl.Trainer.Cli.Training;

/// <summary>The options every verb that runs a network shares: device and threads.</summary>
internal sealed class ScoringCommandOptions
{
    private readonly Option<string> _device = new("--device") { Description = "auto, cpu or cuda", DefaultValueFactory = _ => "auto" };
    private readonly Option<int> _threads = new("--threads") { Description = "CPU threads for torch (0 = library default)", DefaultValueFactory = _ => 0 };
    private readonly Option<int> _batch = new("--batch") { Description = "Slices per scoring batch", DefaultValueFactory = _ => 8 };

    /// <summary>Creates the options, accepting only known devices.</summary>
    public ScoringCommandOptions()
    {
        _device.AcceptOnlyFromAmong("auto", "cpu", "cuda");
    }

    /// <summary>Adds the options to <paramref name="command"/>.</summary>
    public void AddTo(Command command)
    {
        command.Options.Add(_device);
        command.Options.Add(_threads);
        command.Options.Add(_batch);
    }

    /// <summary>The parsed values.</summary>
    public ScoringSettings Read(ParseResult parse) => new(parse.GetValue(_device)!, parse.GetValue(_threads), Math.Max(1, parse.GetValue(_batch)));
}
