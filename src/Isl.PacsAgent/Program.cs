using System.CommandLine;
using Isl.PacsAgent.Cli;

var root = new RootCommand("isl-agent: AI triage node for head CT (Inverse Supervised Learning) that plugs into a PACS.");
foreach (var group in new[] { DicomCommands.Create(), NetworkCommands.Create(), AgentCommands.Create() })
{
    foreach (var command in group)
    {
        root.Subcommands.Add(command);
    }
}

return await root.Parse(args).InvokeAsync().ConfigureAwait(false);
