using Spectre.Console;

namespace Isl.Trainer.Cli.Training;

/// <summary>Runs a verb's body: clear one-line errors for bad input, exit code 130 with a note on Ctrl+C.</summary>
internal static class CommandRunner
{
    /// <summary>Exit code of a verb that failed on bad input.</summary>
    public const int Failed = 1;

    /// <summary>Exit code of a verb stopped by Ctrl+C.</summary>
    public const int Cancelled = 130;

    /// <summary>Runs <paramref name="body"/> and maps failures to exit codes.</summary>
    public static async Task<int> RunAsync(Func<CancellationToken, Task<int>> body, CancellationToken cancellationToken)
    {
        try
        {
            return await body(cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            AnsiConsole.MarkupLine("[yellow]stopped[/] (Ctrl+C).");
            return Cancelled;
        }
        catch (Exception ex) when (IsUserFacing(ex))
        {
            AnsiConsole.MarkupLineInterpolated($"[red]error:[/] {ex.Message}");
            return Failed;
        }
    }

    /// <summary>Runs a synchronous body the same way.</summary>
    public static Task<int> RunAsync(Func<CancellationToken, int> body, CancellationToken cancellationToken) =>
        RunAsync(ct => Task.FromResult(body(ct)), cancellationToken);

    // Our own exception types carry messages meant for the user; anything else is a bug and keeps its stack trace.
    private static bool IsUserFacing(Exception ex) =>
        ex is TrainerException || ex.GetType().Namespace?.StartsWith("Isl.", StringComparison.Ordinal) == true;
}
