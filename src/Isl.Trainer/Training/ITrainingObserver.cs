using Isl.Model.Training;

namespace Isl.Trainer.Training;

/// <summary>Receives progress from a training run (the CLI draws it; tests may ignore it).</summary>
public interface ITrainingObserver
{
    /// <summary>One step finished.</summary>
    void OnStep(TrainingProgress progress);

    /// <summary>Something worth a line (checkpoint written, phase started, ...).</summary>
    void OnNote(string message);
}
