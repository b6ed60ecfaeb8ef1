using System.Globalization;
using Isl.Trainer.Data;

namespace Isl.Trainer.Evaluation;

/// <summary>
/// Reads the <c>scores.csv</c> that <c>evaluate</c> writes (<c>id,scan,slice,score,disorder</c>; disorder 0, 1 or
/// empty), so scores from an earlier run or another tool can be evaluated or calibrated without a model. Columns after
/// <c>disorder</c> are the labels file's own columns (e.g. hemorrhage subtypes), so per-label figures survive too.
/// </summary>
public static class ScoresFile
{
    /// <summary>The label column name given to the <c>disorder</c> column.</summary>
    public const string LabelName = "disorder";

    /// <summary>The fixed header columns.</summary>
    public const string Header = "id,scan,slice,score,disorder";

    /// <summary>Reads <paramref name="path"/>'s scored slices; malformed rows are a clear error naming the line.</summary>
    public static IReadOnlyList<ScoredSlice> Read(string path) => ReadTable(path).Slices;

    /// <summary>
    /// Reads <paramref name="path"/>: the scored slices, their label columns (the extra columns, or <c>disorder</c>),
    /// and whether labels are per slice (every slice its own scan) rather than per scan.
    /// </summary>
    public static (IReadOnlyList<ScoredSlice> Slices, IReadOnlyList<string> LabelNames, bool SliceLevelLabels) ReadTable(string path)
    {
        if (!File.Exists(path))
        {
            throw new TrainerException($"The scores file {path} does not exist.");
        }

        var lines = File.ReadAllLines(path);
        if (lines.Length == 0 || !lines[0].StartsWith(Header, StringComparison.Ordinal))
        {
            throw new TrainerException($"{path}: the header must be '{Header}[,label...]'.");
        }

        var extra = CsvLine.Split(lines[0]).Skip(5).Select(c => c.Trim()).ToArray();
        var slices = new List<ScoredSlice>();
        for (var i = 1; i < lines.Length; i++)
        {
            if (string.IsNullOrWhiteSpace(lines[i]))
            {
                continue;
            }

            var fields = CsvLine.Split(lines[i]).Select(f => f.Trim()).ToArray();
            if (fields.Length != 5 + extra.Length
                || !int.TryParse(fields[2], NumberStyles.Integer, CultureInfo.InvariantCulture, out var slice)
                || !double.TryParse(fields[3], NumberStyles.Float, CultureInfo.InvariantCulture, out var score)
                || fields[4] is not ("" or "0" or "1")
                || fields.Skip(5).Any(f => f is not ("0" or "1")))
            {
                throw new TrainerException($"{path}:{i + 1}: expected '{string.Join(',', [Header, .. extra])}' with a number score, disorder 0, 1 or empty and labels 0 or 1; got '{lines[i]}'.");
            }

            IReadOnlyList<bool>? labels = fields[4] == "" ? null : extra.Length > 0 ? fields.Skip(5).Select(f => f == "1").ToArray() : [fields[4] == "1"];
            slices.Add(new ScoredSlice(new SliceEntry(fields[0], fields[1], fields[0], slice, labels), score));
        }

        return (slices, extra.Length > 0 ? extra : [LabelName], slices.All(s => s.Entry.Id == s.Entry.Scan));
    }

    /// <summary>Writes <paramref name="slices"/> with their <paramref name="labelNames"/> columns (when more than the one disorder column).</summary>
    public static void Write(string path, IReadOnlyList<ScoredSlice> slices, IReadOnlyList<string> labelNames)
    {
        var extra = labelNames.Count > 1 || (labelNames.Count == 1 && labelNames[0] != LabelName) ? labelNames : [];
        using var csv = new StreamWriter(path);
        csv.WriteLine(string.Join(',', [Header, .. extra.Select(CsvLine.Quote)]));
        foreach (var s in slices)
        {
            var label = s.Entry.Labels is null ? "" : s.Entry.IsDisorder ? "1" : "0";
            var fields = new List<string> { CsvLine.Quote(s.Entry.Id), CsvLine.Quote(s.Entry.Scan), s.Entry.SliceIndex.ToString(CultureInfo.InvariantCulture), s.Score.ToString("R", CultureInfo.InvariantCulture), label };
            if (extra.Count > 0)
            {
                fields.AddRange(Enumerable.Range(0, extra.Count).Select(c => s.Entry.Labels is { } l && c < l.Count && l[c] ? "1" : "0"));
            }

            csv.WriteLine(string.Join(',', fields));
        }
    }
}
