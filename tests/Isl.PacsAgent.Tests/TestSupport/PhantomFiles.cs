using Isl.Dicom;
using Isl.Phantoms;

namespace Isl.PacsAgent.Tests.TestSupport;

/// <summary>Synthetic head CT studies from Isl.Phantoms written as plain Part 10 CT files (no labels or masks beside them).</summary>
public static class PhantomFiles
{
    /// <summary>A normal study.</summary>
    public static PhantomSpec Normal(int seed, int slices) => PhantomSpec.Normal(seed) with { SliceCount = slices };

    /// <summary>A study with one large intraparenchymal hemorrhage.</summary>
    public static PhantomSpec Hemorrhage(int seed, int slices) => new()
    {
        Seed = seed,
        Cohort = "ABNORMAL",
        SliceCount = slices,
        Lesions = [new LesionRequest(LesionType.IntraparenchymalHemorrhage, LesionSize.Large)],
    };

    /// <summary>Generates the study and writes its slices (Explicit VR LE) into <paramref name="directory"/>; returns the study UID.</summary>
    public static string Write(PhantomSpec spec, string directory)
    {
        var study = PhantomGenerator.Generate(spec, CancellationToken.None);
        Directory.CreateDirectory(directory);
        for (var i = 0; i < study.SliceCount; i++)
        {
            new DicomFile(study.CreateDataset(i), DicomTransferSyntax.ExplicitVRLittleEndian).Save(Path.Combine(directory, $"CT{i + 1:0000}.dcm"));
        }

        return study.Identity.StudyInstanceUid;
    }
}
