using System.Text;

namespace Isl.Trainer.Data;

/// <summary>Splits and quotes comma-separated fields (double quotes optional; "" inside quotes is one quote).</summary>
public static class CsvLine
{
    /// <summary>The fields of one line.</summary>
    public static IReadOnlyList<string> Split(string line)
    {
        var fields = new List<string>();
        var current = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var ch = line[i];
            if (quoted && ch == '"' && i + 1 < line.Length && line[i + 1] == '"')
            {
                current.Append('"');
                i++;
            }
            else if (ch == '"')
            {
                quoted = !quoted;
            }
            else if (ch == ',' && !quoted)
            {
                fields.Add(current.ToString());
                current.Clear();
            }
            else
            {
                current.Append(ch);
            }
        }

        fields.Add(current.ToString());
        return fields;
    }

    /// <summary>A field quoted when it holds a comma or a quote.</summary>
    public static string Quote(string field) =>
        field.Contains(',') || field.Contains('"') ? $"\"{field.Replace("\"", "\"\"")}\"" : field;
}
