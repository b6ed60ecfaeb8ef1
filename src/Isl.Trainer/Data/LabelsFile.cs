namespace Isl.Trainer.Data;

/// <summary>
/// Reads labels files laid out like <c>kaggle-head-ct-dev/labels.csv</c>: a header <c>path,&lt;label&gt;[,&lt;label&gt;…]</c>,
/// then one row per image (or DICOM study folder) with 0 (normal) or 1 (disorder) per label column. Paths are
/// relative to the file's folder. Bad rows are reported and skipped; a bad header is an error.
/// </summary>
public static class LabelsFile
{
    /// <summary>The conventional file name.</summary>
    public const string DefaultName = "labels.csv";

    /// <summary>Reads <paramref name="path"/>; rows naming a missing file or folder are reported when <paramref name="requireExisting"/>.</summary>
    public static LabelsTable Load(string path, bool requireExisting = true)
    {
        if (!File.Exists(path))
        {
            throw new TrainerException($"The labels file {path} does not exist.");
        }

        using var reader = new StreamReader(path);
        var table = Parse(reader, Path.GetDirectoryName(Path.GetFullPath(path))!, Path.GetFileName(path));
        if (!requireExisting)
        {
            return table;
        }

        var problems = table.Problems.ToList();
        var items = new List<LabelledItem>();
        foreach (var item in table.Items)
        {
            if (File.Exists(item.FullPath) || Directory.Exists(item.FullPath))
            {
                items.Add(item);
            }
            else
            {
                problems.Add(new InputProblem(item.RelativePath, $"listed on line {item.LineNumber} but not found"));
            }
        }

        return table with { Items = items, Problems = problems };
    }

    /// <summary>Parses labels text; <paramref name="baseDirectory"/> resolves the relative paths.</summary>
    public static LabelsTable Parse(TextReader reader, string baseDirectory, string fileName = DefaultName)
    {
        var header = reader.ReadLine();
        if (header is null)
        {
            throw new TrainerException($"{fileName} is empty: it needs a header 'path,<label>'.");
        }

        var columns = CsvLine.Split(header.TrimStart('\uFEFF')).Select(c => c.Trim()).ToArray();
        if (columns.Length < 2 || !string.Equals(columns[0], "path", StringComparison.OrdinalIgnoreCase))
        {
            throw new TrainerException($"{fileName}: the header must be 'path,<label>[,<label>...]'; got '{header}'.");
        }

        var labelNames = columns[1..];
        if (labelNames.Any(string.IsNullOrEmpty) || labelNames.Distinct(StringComparer.OrdinalIgnoreCase).Count() != labelNames.Length)
        {
            throw new TrainerException($"{fileName}: label column names must be non-empty and distinct; got '{header}'.");
        }

        var items = new List<LabelledItem>();
        var problems = new List<InputProblem>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var lineNumber = 1;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            var where = $"{fileName}:{lineNumber}";
            var fields = CsvLine.Split(line).Select(f => f.Trim()).ToArray();
            if (fields.Length != columns.Length)
            {
                problems.Add(new InputProblem(where, $"expected {columns.Length} fields, found {fields.Length}"));
                continue;
            }

            var relative = fields[0].Replace('\\', '/');
            if (relative.Length == 0)
            {
                problems.Add(new InputProblem(where, "the path is empty"));
                continue;
            }

            if (Path.IsPathRooted(relative) || relative.Split('/').Contains(".."))
            {
                problems.Add(new InputProblem(where, $"the path '{relative}' must be relative and stay inside the folder"));
                continue;
            }

            var labels = new bool[labelNames.Length];
            string? bad = null;
            for (var c = 0; c < labelNames.Length && bad is null; c++)
            {
                switch (fields[c + 1])
                {
                    case "0": labels[c] = false; break;
                    case "1": labels[c] = true; break;
                    default: bad = $"label '{labelNames[c]}' is '{fields[c + 1]}', expected 0 (normal) or 1 (disorder)"; break;
                }
            }

            if (bad is not null)
            {
                problems.Add(new InputProblem(where, bad));
                continue;
            }

            if (!seen.Add(relative))
            {
                problems.Add(new InputProblem(where, $"'{relative}' is listed twice; the first row is kept"));
                continue;
            }

            items.Add(new LabelledItem(relative, Path.GetFullPath(Path.Combine(baseDirectory, relative)), labels, lineNumber));
        }

        return new LabelsTable(labelNames, items, problems);
    }
}
