using System.Text;

namespace Isl.Trainer.Evaluation.Pointing;

/// <summary>
/// Writes the <c>labels.csv</c> of a folder of phantom studies from their <c>labels.json</c>: one column per lesion
/// type and one per size class (<c>size-small</c>, …), so <c>evaluate</c> reports each type and size class
/// against the normals, like the paper's Table 1. Only lesions that reach the slab count; an abnormal study whose
/// lesions all miss it is left out and reported.
/// </summary>
public static class PhantomLabelsFile
{
    private static readonly string[] SizeOrder = ["small", "medium", "large"];

    /// <summary>Writes <paramref name="directory"/>/labels.csv; returns the studies written and those left out with the reason.</summary>
    public static (int Written, IReadOnlyList<string> LeftOut) Write(string directory)
    {
        if (!Directory.Exists(directory))
        {
            throw new TrainerException($"The phantom folder {directory} does not exist.");
        }

        var studies = Directory.GetDirectories(directory).Order(StringComparer.Ordinal)
            .Where(PhantomStudyTruth.Exists)
            .Select(d => (Name: Path.GetFileName(d), Truth: PhantomStudyTruth.Read(d)))
            .ToArray();
        if (studies.Length == 0)
        {
            throw new TrainerException($"{directory} holds no phantom study folders (sub-folders with {PhantomStudyTruth.LabelsFileName}).");
        }

        var types = studies.SelectMany(s => s.Truth.VisiblePrimaryLesions.Select(l => l.Type)).Distinct().Order(StringComparer.Ordinal).ToArray();
        var sizes = SizeOrder.Where(size => studies.Any(s => s.Truth.VisiblePrimaryLesions.Any(l => l.Size == size))).ToArray();
        var columns = types.Concat(sizes.Select(PointingGame.SizeGroup)).ToArray();
        if (columns.Length == 0)
        {
            columns = ["disorder"];
        }

        var csv = new StringBuilder().Append("path,").AppendJoin(',', columns).Append('\n');
        var leftOut = new List<string>();
        var written = 0;
        foreach (var (name, truth) in studies)
        {
            var lesions = truth.VisiblePrimaryLesions.ToArray();
            if (!truth.IsNormal && lesions.Length == 0)
            {
                leftOut.Add($"{name}: none of its lesions reaches the generated slices");
                continue;
            }

            var flags = types.Select(t => lesions.Any(l => l.Type == t))
                .Concat(sizes.Select(size => lesions.Any(l => l.Size == size)))
                .DefaultIfEmpty(false)
                .Select(f => f ? "1" : "0");
            csv.Append(name).Append(',').AppendJoin(',', flags).Append('\n');
            written++;
        }

        File.WriteAllText(Path.Combine(directory, Data.LabelsFile.DefaultName), csv.ToString());
        return (written, leftOut);
    }
}
