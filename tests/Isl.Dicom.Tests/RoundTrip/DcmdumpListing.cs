using System.Text.RegularExpressions;
using Isl.Testing;

namespace Isl.Dicom.Tests.RoundTrip;

/// <summary>
/// dcmdump's listing of a file, normalised for comparing two encodings of the same dataset: group 0002, group
/// lengths, delimitation items, length fields and sequence length styles are dropped; odd values' pad byte ignored.
/// </summary>
internal static partial class DcmdumpListing
{
    public static (int ExitCode, List<string> Lines) Of(string path)
    {
        var result = ExternalTool.Run("dcmdump", ["-q", "+L", "-dc", path]);
        var lines = new List<string>();
        foreach (var raw in result.StdOut.Split('\n'))
        {
            var line = raw.TrimEnd();
            var trimmed = line.TrimStart();
            if (trimmed.Length == 0 || trimmed.StartsWith('#') || trimmed.StartsWith("(0002,", StringComparison.Ordinal)
                || GroupLength().IsMatch(trimmed) || trimmed.Contains("DelimitationItem", StringComparison.Ordinal))
            {
                continue;
            }

            line = SequenceStyle().Replace(line, "($1)");
            line = LengthField().Replace(line, "# ");
            line = OddPad().Replace(line, " #");
            line = Spaces().Replace(line, " #");
            lines.Add(line);
        }

        return (result.ExitCode, lines);
    }

    [GeneratedRegex(@"^\([0-9a-f]{4},0000\)")]
    private static partial Regex GroupLength();

    [GeneratedRegex(@"\((Sequence|Item) with (?:explicit|undefined) length #=\d+\)")]
    private static partial Regex SequenceStyle();

    [GeneratedRegex(@"# +[0-9a-z/]+, ")]
    private static partial Regex LengthField();

    [GeneratedRegex(@"\\00 +#")]
    private static partial Regex OddPad();

    [GeneratedRegex(@" +#")]
    private static partial Regex Spaces();
}
