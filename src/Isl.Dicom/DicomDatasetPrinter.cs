using System.Globalization;
using System.Text;
using Isl.Dicom.Values;

namespace Isl.Dicom;

/// <summary>dcmdump-like listings: "(0010,0010) PN [Doe^John]  # 8, 1 PatientName", items indented.</summary>
public static class DicomDatasetPrinter
{
    private const int ValueColumn = 52;
    private const int MaxShownBytes = 16;
    private const int MaxShownText = 64;

    /// <summary>Writes one line per element (and per item) to <paramref name="writer"/>.</summary>
    public static void Print(DicomDataset dataset, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(writer);
        Print(dataset, writer, 0);
    }

    /// <summary>The listing of a dataset as a string.</summary>
    public static string Format(DicomDataset dataset)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        Print(dataset, writer);
        return writer.ToString();
    }

    /// <summary>The listing of a file: meta information, then dataset, with the transfer syntax named.</summary>
    public static string Format(DicomFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        writer.WriteLine("# Dicom-File-Format");
        writer.WriteLine();
        writer.WriteLine("# Dicom-Meta-Information-Header");
        Print(file.FileMetaInformation, writer, 0);
        writer.WriteLine();
        writer.WriteLine($"# Dicom-Data-Set");
        writer.WriteLine($"# Used TransferSyntax: {file.TransferSyntax.Name}");
        Print(file.Dataset, writer, 0);
        return writer.ToString();
    }

    private static void Print(DicomDataset dataset, TextWriter writer, int depth)
    {
        var indent = new string(' ', depth * 2);
        foreach (var element in dataset)
        {
            var keyword = DicomDictionary.Default.GetKeyword(element.Tag);
            var vr = DicomVRInfo.Code(element.VR);
            if (element.IsSequence)
            {
                Line(writer, indent, element.Tag, vr, $"(Sequence #={element.Items.Count})", "u/l", element.Items.Count, keyword);
                foreach (var item in element.Items)
                {
                    Line(writer, indent + "  ", DicomTag.Item, "na", $"(Item #={item.Count})", "u/l", 1, "Item");
                    Print(item, writer, depth + 2);
                }

                continue;
            }

            if (element.Fragments is { } fragments)
            {
                Line(writer, indent, element.Tag, vr, $"(PixelSequence #={fragments.Fragments.Count + 1})", "u/l", 1, keyword);
                Line(writer, indent + "  ", DicomTag.Item, "pi", ShowOffsets(fragments.OffsetTable), (fragments.OffsetTable.Count * 4).ToString(CultureInfo.InvariantCulture), 1, "Item");
                foreach (var fragment in fragments.Fragments)
                {
                    Line(writer, indent + "  ", DicomTag.Item, "pi", ShowBytes(fragment.Span), fragment.Length.ToString(CultureInfo.InvariantCulture), 1, "Item");
                }

                continue;
            }

            var (value, multiplicity) = ShowValue(dataset, element);
            Line(writer, indent, element.Tag, vr, value, element.Length.ToString(CultureInfo.InvariantCulture), multiplicity, keyword);
        }
    }

    private static (string Text, int Multiplicity) ShowValue(DicomDataset dataset, DicomElement element)
    {
        if (element.Length == 0)
        {
            return ("(no value available)", 0);
        }

        if (DicomVRInfo.IsString(element.VR))
        {
            var text = dataset.GetString(element.Tag).Replace("\r", "\\r", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);
            if (text.Length > MaxShownText)
            {
                text = string.Concat(text.AsSpan(0, MaxShownText), "...");
            }

            return ($"[{text}]", dataset.GetValueCount(element.Tag));
        }

        if (element.VR is DicomVR.OB or DicomVR.OW or DicomVR.UN or DicomVR.OL or DicomVR.OF or DicomVR.OD or DicomVR.OV)
        {
            return (ShowBytes(element.Data.Span), 1);
        }

        var formatted = DicomBinary.Format(element.Data.Span, element.VR);
        if (formatted.Length > MaxShownText)
        {
            formatted = string.Concat(formatted.AsSpan(0, MaxShownText), "...");
        }

        return (formatted, DicomBinary.Count(element.Data.Span, element.VR));
    }

    private static string ShowBytes(ReadOnlySpan<byte> bytes)
    {
        var builder = new StringBuilder();
        var shown = Math.Min(bytes.Length, MaxShownBytes);
        for (var i = 0; i < shown; i++)
        {
            if (i > 0)
            {
                builder.Append('\\');
            }

            builder.Append(bytes[i].ToString("x2", CultureInfo.InvariantCulture));
        }

        if (bytes.Length > shown)
        {
            builder.Append("...");
        }

        return builder.ToString();
    }

    private static string ShowOffsets(IReadOnlyList<uint> offsets) =>
        offsets.Count == 0 ? "(no value available)" : string.Join('\\', offsets.Take(8).Select(o => o.ToString("x8", CultureInfo.InvariantCulture))) + (offsets.Count > 8 ? "..." : string.Empty);

    private static void Line(TextWriter writer, string indent, DicomTag tag, string vr, string value, string length, int multiplicity, string keyword)
    {
        var head = $"{indent}{tag} {vr} {value}";
        writer.Write(head);
        writer.Write(new string(' ', Math.Max(1, ValueColumn - head.Length)));
        writer.WriteLine($"# {length,4}, {multiplicity} {keyword}");
    }
}
