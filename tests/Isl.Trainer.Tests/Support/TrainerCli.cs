using System.CommandLine;
using Isl.Trainer.Cli;

namespace Isl.Trainer.Tests.Support;

/// <summary>Runs isl-trainer's training verbs in-process, as the executable would.</summary>
internal static class TrainerCli
{
    public static Task<int> RunAsync(params string[] args)
    {
        var root = new RootCommand("isl-trainer (test)");
        foreach (var command in TrainingCommands.Create())
        {
            root.Subcommands.Add(command);
        }

        return root.Parse(args).InvokeAsync();
    }
}
