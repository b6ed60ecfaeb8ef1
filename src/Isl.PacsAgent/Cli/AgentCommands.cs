using System.CommandLine;
using Isl.PacsAgent.Demo;
using Isl.PacsAgent.Hosting;
using Isl.PacsAgent.Pipeline;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Isl.PacsAgent.Cli;

/// <summary>Builds the agent verbs of <c>isl-agent</c>: <c>run</c>, <c>demo</c>.</summary>
internal static class AgentCommands
{
    /// <summary>Creates the top-level commands of this group.</summary>
    public static IEnumerable<Command> Create() => [CreateRun(), CreateDemo()];

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
                    // Loaded here, before the host starts, so that an unusable bundle is one line, not a host crash log.
                    app.Services.GetRequiredService<IStudyScorer>().LoadModel();
                }
                catch (ScorerUnavailableException ex)
                {
                    await Console.Error.WriteLineAsync("isl-agent: " + ex.Message).ConfigureAwait(false);
                    return 3;
                }

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
    private static Command CreateDemo()
    {
        var output = new Option<DirectoryInfo>("--out") { Description = "Where to write the studies' results and heatmap montages", DefaultValueFactory = _ => new DirectoryInfo("isl-demo") };
        var timeout = new Option<int>("--timeout") { Description = "Seconds to wait for both results", DefaultValueFactory = _ => 300 };
        var bundle = new Option<string>("--bundle") { Description = "The model bundle to score with (relative paths beside the app, then the working folder)", DefaultValueFactory = _ => DemoRunner.DemoBundlePath };
        var command = new Command("demo", "Self-contained demo: generate a normal and an abnormal phantom study, run the agent in-process, send both by C-STORE, print the triage and write the SR/SC results and heatmap montages.");
        command.Options.Add(output);
        command.Options.Add(timeout);
        command.Options.Add(bundle);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            try
            {
                await DemoRunner.RunAsync(parseResult.GetValue(output)!.FullName, Console.Out, TimeSpan.FromSeconds(parseResult.GetValue(timeout)), cancellationToken, parseResult.GetValue(bundle)!).ConfigureAwait(false);
                return 0;
            }
            catch (Exception ex) when (ex is DemoFailedException or AgentConfigurationException or ScorerUnavailableException or Isl.Dicom.Network.DicomNetworkException or IOException)
            {
                await Console.Error.WriteLineAsync("demo failed: " + ex.Message).ConfigureAwait(false);
                return 1;
            }
        });
        return command;
    }
}
