using Isl.Trainer.Data;
using Spectre.Console;

namespace Isl.Trainer.Cli.Training;

/// <summary>Prints skipped inputs as a table.</summary>
internal static class ProblemListing
{
    /// <summary>Prints <paramref name="problems"/> (nothing when empty).</summary>
    public static void Print(IReadOnlyList<InputProblem> problems)
    {
        if (problems.Count == 0)
        {
            return;
        }

        var table = new Table().Title($"[yellow]{problems.Count} input(s) skipped[/]").AddColumn("input").AddColumn("reason");
        foreach (var problem in problems)
        {
            table.AddRow(Markup.Escape(problem.Path), Markup.Escape(problem.Reason));
        }

        AnsiConsole.Write(table);
    }
}
