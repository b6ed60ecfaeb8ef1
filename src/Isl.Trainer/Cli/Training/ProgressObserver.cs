using System.Globalization;
using Isl.Model.Training;
using Isl.Trainer.Training;
using Spectre.Console;

namespace Isl.Trainer.Cli.Training;

/// <summary>Draws training progress as Spectre.Console bars (one per phase) with ETA and the last losses.</summary>
internal sealed class ProgressObserver : ITrainingObserver
{
    private readonly ProgressContext _context;
    private readonly Dictionary<string, ProgressTask> _tasks = new(StringComparer.Ordinal);

    private ProgressObserver(ProgressContext context) => _context = context;

    /// <summary>Runs <paramref name="work"/> inside a live progress display.</summary>
    public static T Run<T>(Func<ITrainingObserver, T> work) =>
        AnsiConsole.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn())
            .Start(context => work(new ProgressObserver(context)));

    /// <inheritdoc />
    public void OnStep(TrainingProgress progress)
    {
        if (!_tasks.TryGetValue(progress.Phase, out var task))
        {
            task = _context.AddTask(progress.Phase, maxValue: progress.TotalSteps);
            _tasks[progress.Phase] = task;
        }

        task.MaxValue = progress.TotalSteps;
        task.Value = progress.Step;
        var losses = string.Join(' ', progress.Losses.Select(l => string.Create(CultureInfo.InvariantCulture, $"{l.Key} {l.Value:0.####}")));
        task.Description = Markup.Escape($"{progress.Phase} {progress.Step}/{progress.TotalSteps}  {losses}");
    }

    /// <inheritdoc />
    public void OnNote(string message) => AnsiConsole.MarkupLineInterpolated($"[grey]{message}[/]");
}
