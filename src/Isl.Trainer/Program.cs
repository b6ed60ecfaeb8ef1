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

// Ctrl+C cancels the running verb; training then writes a checkpoint before exiting, which may take a while.
var configuration = new InvocationConfiguration { ProcessTerminationTimeout = TimeSpan.FromMinutes(2) };
return await root.Parse(args).InvokeAsync(configuration).ConfigureAwait(false);
