using Isl.Phantoms;
using Spectre.Console;

namespace Isl.Trainer.Cli.Phantoms;

/// <summary>Runs a phantom verb: bad input ends with a one-line error and exit code 1, Ctrl+C with 130.</summary>
internal static class PhantomCommandRunner
{
    public const int Failed = 1;
    public const int Cancelled = 130;

    public static int Run(Func<int> body, CancellationToken cancellationToken)
    {
        try
        {
            return body();
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            AnsiConsole.MarkupLine("[yellow]stopped[/] (Ctrl+C).");
            return Cancelled;
        }
        catch (PhantomException ex)
        {
            AnsiConsole.MarkupLineInterpolated($"[red]error:[/] {ex.Message}");
            return Failed;
        }
    }
}
