namespace Isl.Trainer.Data;

/// <summary>Which labelled inputs <c>prepare</c> keeps.</summary>
public enum SliceSelection
{
    /// <summary>Every input.</summary>
    All,

    /// <summary>Only inputs whose labels are all 0 (training sets of disorder-free scans).</summary>
    Normals,

    /// <summary>Only inputs with a disorder label.</summary>
    Disorders,
}
