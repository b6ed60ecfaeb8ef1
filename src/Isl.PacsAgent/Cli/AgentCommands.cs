using System.CommandLine;
using Isl.PacsAgent.Hosting;
using Microsoft.Extensions.Hosting;

namespace Isl.PacsAgent.Cli;

/// <summary>Builds the agent verbs of <c>isl-agent</c>: <c>run</c>.</summary>
internal static class AgentCommands
{
    /// <summary>Creates the top-level commands of this group.</summary>
    public static IEnumerable<Command> Create() => [CreateRun()];

    private static Command CreateRun()
    {
        var config = new Option<FileInfo?>("--config") { Description = "An extra JSON configuration file layered over appsettings.json (environment variables ISL_AGENT_Section__Key override both)." };
        var command = new Command("run", "Run the triage agent: receive studies, score them, deliver the results (Ctrl+C stops it).");
        command.Options.Add(config);
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            Microsoft.AspNetCore.Builder.WebApplication app;
            try
            {
                app = AgentHost.Build(new AgentHostSettings
                {
                    ConfigFile = parseResult.GetValue(config)?.FullName,
                    Args = [.. parseResult.UnmatchedTokens],
                });
            }
            catch (AgentConfigurationException ex)
            {
                await Console.Error.WriteLineAsync(ex.Message).ConfigureAwait(false);
                return 2;
            }

            await using (app.ConfigureAwait(false))
            {
                try
                {
                    await app.StartAsync(cancellationToken).ConfigureAwait(false);
                    await app.WaitForShutdownAsync(cancellationToken).ConfigureAwait(false);
                }
                catch (Microsoft.Extensions.Options.OptionsValidationException ex)
                {
                    await Console.Error.WriteLineAsync("The agent's configuration is invalid:" + Environment.NewLine + string.Join(Environment.NewLine, ex.Failures.Select(f => "  - " + f))).ConfigureAwait(false);
                    return 2;
                }
            }

            return 0;
        });
        return command;
    }
}
