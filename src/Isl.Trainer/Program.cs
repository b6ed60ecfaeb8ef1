using System.CommandLine;
using Isl.Trainer.Cli;

var root = new RootCommand("isl-trainer: builds Inverse Supervised Learning models for head CT triage from disorder-free scans.");
foreach (var group in new[] { PhantomCommands.Create(), TrainingCommands.Create() })
{
    foreach (var command in group)
    {
        root.Subcommands.Add(command);
    }
}

return await root.Parse(args).InvokeAsync().ConfigureAwait(false);
