using System.CommandLine;
using Isl.Model.Drn;
using Isl.Model.Runtime;
using Isl.Trainer.Training;
using Spectre.Console;

namespace Isl.Trainer.Cli.Training;

/// <summary><c>isl-trainer train dedn|drn</c>.</summary>
internal static class TrainCommand
{
    /// <summary>Builds the verb with its two sub-verbs.</summary>
    public static Command Create() => new("train", "Train the networks on a slice cache of normal scans")
    {
        CreateDeDn(),
        CreateDrn(),
    };

    private static Command CreateDeDn()
    {
        var data = new Option<string>("--data") { Description = "The slice cache of normal slices (from `prepare --select normals`)", Required = true };
        var output = new Option<string>("--out") { Description = "The run folder (run.json + checkpoint/)", Required = true };
        var profile = new Option<string>("--profile") { Description = "paper, cpu or tiny (sizes of the networks; the slice size comes from the cache)", DefaultValueFactory = _ => "cpu" };
        var steps = new Option<int>("--steps") { Description = "Total training steps", DefaultValueFactory = _ => 2000 };
        var batch = new Option<int>("--batch") { Description = "Batch size", DefaultValueFactory = _ => 8 };
        var lr = new Option<double>("--lr") { Description = "Generator learning rate", DefaultValueFactory = _ => 1e-4 };
        var k = new Option<int>("--grid") { Description = "K of the K×K inpainting grid", DefaultValueFactory = _ => 4 };
        var autoencoder = new Option<bool>("--autoencoder") { Description = "Train a plain autoencoder (no holes): the reconstruction-error baseline, not the method" };
        var common = new RunOptions(200);
        var command = new Command("dedn", "Train the de-disorder (inpainting) network") { data, output, profile, steps, batch, lr, k, autoencoder };
        common.AddTo(command);
        command.SetAction((parse, ct) => CommandRunner.RunAsync(token =>
        {
            var options = new DeDnRunOptions
            {
                Profile = parse.GetValue(profile)!,
                Steps = parse.GetValue(steps),
                BatchSize = parse.GetValue(batch),
                LearningRate = parse.GetValue(lr),
                GridK = parse.GetValue(k),
                Autoencoder = parse.GetValue(autoencoder),
                CheckpointEvery = parse.GetValue(common.CheckpointEvery),
                Resume = parse.GetValue(common.Resume),
                Seed = parse.GetValue(common.Seed),
                Device = common.Device(parse),
            };
            var info = ProgressObserver.Run(observer => DeDnRun.Run(parse.GetValue(data)!, parse.GetValue(output)!, options, observer, token));
            AnsiConsole.MarkupLineInterpolated($"[green]DeDN trained[/]: {info.StepsDone} steps on {info.TrainingData.Slices} slices; held reconstruction error {info.Figures.GetValueOrDefault("reconstructionError"):0.#####} → {parse.GetValue(output)}");
            return 0;
        }, ct));
        return command;
    }

    private static Command CreateDrn()
    {
        var data = new Option<string>("--data") { Description = "The slice cache of normal slices (the same the DeDN was trained on, or another normal set)", Required = true };
        var output = new Option<string>("--out") { Description = "The run folder (run.json + checkpoint/ + bundle/)", Required = true };
        var dedn = new Option<string?>("--dedn") { Description = "The `train dedn` run folder (needed unless --input raw)" };
        var input = new Option<DrnInput>("--input") { Description = "Difference (the method) or Raw (the paper's ablation: DRN on the raw image)", DefaultValueFactory = _ => DrnInput.Difference };
        var profile = new Option<string>("--profile") { Description = "With --input raw: paper, cpu or tiny", DefaultValueFactory = _ => "cpu" };
        var pretrain = new Option<int>("--pretrain-steps") { Description = "MoCo pre-training steps", DefaultValueFactory = _ => 200 };
        var steps = new Option<int>("--steps") { Description = "Compactness/discrimination steps", DefaultValueFactory = _ => 300 };
        var batch = new Option<int>("--batch") { Description = "Batch size", DefaultValueFactory = _ => 16 };
        var lr = new Option<double>("--lr") { Description = "Learning rate", DefaultValueFactory = _ => 1e-3 };
        var lambdaC = new Option<double>("--lambda-c") { Description = "λc, compactness weight", DefaultValueFactory = _ => 1.0 };
        var lambdaD = new Option<double>("--lambda-d") { Description = "λd, discrimination weight", DefaultValueFactory = _ => 1.0 };
        var export = new ExportOptions();
        var common = new RunOptions(100);
        var command = new Command("drn", "Train the disorder-recognition network on difference images, then export the bundle to OUT/bundle")
        {
            data, output, dedn, input, profile, pretrain, steps, batch, lr, lambdaC, lambdaD,
        };
        common.AddTo(command);
        export.AddTo(command);
        command.SetAction((parse, ct) => CommandRunner.RunAsync(token =>
        {
            var options = new DrnRunOptions
            {
                DeDnRun = parse.GetValue(dedn),
                Input = parse.GetValue(input),
                Profile = parse.GetValue(profile)!,
                PretrainSteps = parse.GetValue(pretrain),
                Steps = parse.GetValue(steps),
                BatchSize = parse.GetValue(batch),
                LearningRate = parse.GetValue(lr),
                LambdaCompact = parse.GetValue(lambdaC),
                LambdaDiscriminate = parse.GetValue(lambdaD),
                CheckpointEvery = parse.GetValue(common.CheckpointEvery),
                Resume = parse.GetValue(common.Resume),
                Seed = parse.GetValue(common.Seed),
                Device = common.Device(parse),
            };
            var outDir = parse.GetValue(output)!;
            var info = ProgressObserver.Run(observer => DrnRun.Run(parse.GetValue(data)!, outDir, options, observer, token));
            var bundleDir = Path.Combine(outDir, "bundle");
            var manifest = BundleExporter.Export(outDir, bundleDir, export.Read(parse, options.Device));
            AnsiConsole.MarkupLineInterpolated($"[green]DRN trained[/]: {info.StepsDone} steps; bundle {manifest.ModelId} {manifest.ModelVersion} (device UID {manifest.DeviceUid}) → {bundleDir}");
            return 0;
        }, ct));
        return command;
    }

    /// <summary>Options shared by both training verbs.</summary>
    private sealed class RunOptions(int checkpointEvery)
    {
        public Option<int> CheckpointEvery { get; } = new("--checkpoint-every") { Description = "Write a checkpoint every N steps (0 = only at the end or on Ctrl+C)", DefaultValueFactory = _ => checkpointEvery };

        public Option<bool> Resume { get; } = new("--resume") { Description = "Continue the run in --out from its checkpoint" };

        public Option<int> Seed { get; } = new("--seed") { Description = "Seed of weights and sampling (same seed, same run)", DefaultValueFactory = _ => 1 };

        public ScoringCommandOptions Runtime { get; } = new(scoring: false);

        public void AddTo(Command command)
        {
            command.Options.Add(CheckpointEvery);
            command.Options.Add(Resume);
            command.Options.Add(Seed);
            Runtime.AddTo(command);
        }

        public DeviceOption Device(ParseResult parse)
        {
            var settings = Runtime.Read(parse);
            TorchRuntime.SetThreads(settings.Threads);
            TorchRuntime.Seed(parse.GetValue(Seed));
            return settings.Device;
        }
    }
}
