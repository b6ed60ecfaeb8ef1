using System.Globalization;
using Isl.Trainer.Data;

namespace Isl.Trainer.Evaluation;

/// <summary>
/// Reads the <c>scores.csv</c> that <c>evaluate</c> writes (<c>id,scan,slice,score,disorder</c>; disorder 0, 1 or
/// empty), so scores from an earlier run or another tool can be evaluated or calibrated without a model.
/// </summary>
public static class ScoresFile
{
    /// <summary>The label column name given to the <c>disorder</c> column.</summary>
    public const string LabelName = "disorder";

    /// <summary>Reads <paramref name="path"/>; malformed rows are a clear error naming the line.</summary>
    public static IReadOnlyList<ScoredSlice> Read(string path)
    {
        if (!File.Exists(path))
        {
            throw new TrainerException($"The scores file {path} does not exist.");
        }

        var lines = File.ReadAllLines(path);
        if (lines.Length == 0 || !lines[0].StartsWith("id,scan,slice,score,disorder", StringComparison.Ordinal))
        {
            throw new TrainerException($"{path}: the header must be 'id,scan,slice,score,disorder'.");
        }

        var slices = new List<ScoredSlice>();
        for (var i = 1; i < lines.Length; i++)
        {
            if (string.IsNullOrWhiteSpace(lines[i]))
            {
                continue;
            }

            var fields = SplitFromRight(lines[i]);
            if (fields is null
                || !int.TryParse(fields.Value.Slice, NumberStyles.Integer, CultureInfo.InvariantCulture, out var slice)
                || !double.TryParse(fields.Value.Score, NumberStyles.Float, CultureInfo.InvariantCulture, out var score)
                || fields.Value.Disorder is not ("" or "0" or "1"))
            {
                throw new TrainerException($"{path}:{i + 1}: expected 'id,scan,slice,score,disorder' with a number score and disorder 0, 1 or empty; got '{lines[i]}'.");
            }

            IReadOnlyList<bool>? labels = fields.Value.Disorder == "" ? null : [fields.Value.Disorder == "1"];
            slices.Add(new ScoredSlice(new SliceEntry(fields.Value.Id, fields.Value.Scan, fields.Value.Id, slice, labels), score));
        }

        return slices;
    }

    // Ids and scans may be quoted and hold commas; the last three fields never do.
    private static (string Id, string Scan, string Slice, string Score, string Disorder)? SplitFromRight(string line)
    {
        var parts = line.Split(',');
        if (parts.Length < 5)
        {
            return null;
        }

        var names = CsvLine.Split(string.Join(',', parts[..^3]));
        return names.Count == 2 ? (names[0], names[1], parts[^3], parts[^2], parts[^1].Trim()) : null;
    }
}
