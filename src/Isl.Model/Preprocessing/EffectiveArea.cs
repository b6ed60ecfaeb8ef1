namespace Isl.Model.Preprocessing;

/// <summary>Which part of a slice counts for x_dif, the DRN's input, the heatmap and APDS.</summary>
public enum EffectiveArea
{
    /// <summary>The whole head (the paper's effective area: threshold, largest component, holes filled).</summary>
    Head,

    /// <summary>Only the intracranial region (inside the skull, bone excluded); slices with too little of it are not scored.</summary>
    Intracranial,
}
