using Isl.Model.Dedn;
using Isl.Model.Runtime;
using Isl.Model.Training;

namespace Isl.Trainer.Training;

/// <summary>Rebuilds a trained DeDN (generator and its edge detector) from a <c>train dedn</c> run folder.</summary>
public static class DeDnCheckpoint
{
    /// <summary>A trainer holding the run's checkpoint; use its <c>Generator</c> and <c>Canny</c>, then dispose it.</summary>
    public static DeDnTrainer LoadGenerator(string runDirectory, TrainingRunInfo info, DeviceOption device)
    {
        var trainer = new DeDnTrainer(info.Preprocessing.Channels, info.Profile, new DeDnTrainingOptions { Grid = info.Grid, CannySigma = info.CannySigma }, device);
        try
        {
            trainer.LoadCheckpoint(TrainingRunInfo.CheckpointOf(runDirectory));
            trainer.Generator.eval();
            return trainer;
        }
        catch
        {
            trainer.Dispose();
            throw;
        }
    }
}
