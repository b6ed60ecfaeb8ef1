using System.Globalization;
using Isl.Dicom;
using Isl.Reports.Coding;

namespace Isl.Reports.StructuredReport;

/// <summary>Builds SR content items (PS3.3 C.17.3) as datasets: one factory per value type.</summary>
internal static class SrContent
{
    public const string Contains = "CONTAINS";
    public const string HasObsContext = "HAS OBS CONTEXT";
    public const string HasConceptMod = "HAS CONCEPT MOD";
    public const string HasAcqContext = "HAS ACQ CONTEXT";
    public const string SelectedFrom = "SELECTED FROM";

    public static DicomDataset Container(string relationship, CodedConcept concept, IEnumerable<DicomDataset> children, string? templateId = null)
    {
        var item = Item(relationship, "CONTAINER", concept);
        item.Set(DicomTags.ContinuityOfContent, "SEPARATE");
        if (templateId is not null)
        {
            item.SetSequence(DicomTags.ContentTemplateSequence, [Template(templateId)]);
        }

        return WithChildren(item, children);
    }

    public static DicomDataset Text(string relationship, CodedConcept concept, string text)
    {
        var item = Item(relationship, "TEXT", concept);
        item.Set(DicomTags.TextValue, text);
        return item;
    }

    public static DicomDataset Code(string relationship, CodedConcept concept, CodedConcept value, IEnumerable<DicomDataset>? children = null)
    {
        var item = Item(relationship, "CODE", concept);
        item.SetSequence(DicomTags.ConceptCodeSequence, [value.ToItem()]);
        return WithChildren(item, children);
    }

    public static DicomDataset UidRef(string relationship, CodedConcept concept, string uid)
    {
        var item = Item(relationship, "UIDREF", concept);
        item.Set(DicomTags.UID, uid);
        return item;
    }

    public static DicomDataset Num(string relationship, CodedConcept concept, double value, CodedConcept units, IEnumerable<DicomDataset>? children = null)
    {
        var measured = new DicomDataset();
        measured.SetSequence(DicomTags.MeasurementUnitsCodeSequence, [units.ToItem()]);
        measured.Set(DicomTags.NumericValue, DicomVR.DS, FormatDecimal(value));
        measured.SetDouble(DicomTags.FloatingPointValue, value);
        var item = Item(relationship, "NUM", concept);
        item.SetSequence(DicomTags.MeasuredValueSequence, [measured]);
        return WithChildren(item, children);
    }

    /// <summary>An IMAGE item without a concept name (TID 1601 library entries, SCOORD's SELECTED FROM).</summary>
    public static DicomDataset Image(string relationship, SourceImage image, IEnumerable<DicomDataset>? children = null)
    {
        var item = new DicomDataset();
        item.Set(DicomTags.RelationshipType, relationship);
        item.Set(DicomTags.ValueType, "IMAGE");
        item.SetSequence(DicomTags.ReferencedSOPSequence, [SopReference(image.SopClassUid, image.SopInstanceUid)]);
        return WithChildren(item, children);
    }

    public static DicomDataset Scoord(string relationship, CodedConcept concept, ImageRegion region, SourceImage image)
    {
        var item = Item(relationship, "SCOORD", concept);
        item.SetDouble(DicomTags.GraphicData, [.. region.Points.SelectMany(p => new[] { p.Column, p.Row })]);
        item.Set(DicomTags.GraphicType, region.GraphicType);
        return WithChildren(item, [Image(SelectedFrom, image)]);
    }

    public static DicomDataset SopReference(string sopClassUid, string sopInstanceUid)
    {
        var reference = new DicomDataset();
        reference.Set(DicomTags.ReferencedSOPClassUID, sopClassUid);
        reference.Set(DicomTags.ReferencedSOPInstanceUID, sopInstanceUid);
        return reference;
    }

    public static DicomDataset Template(string templateId)
    {
        var template = new DicomDataset();
        template.Set(DicomTags.MappingResource, "DCMR");
        template.Set(DicomTags.TemplateIdentifier, templateId);
        return template;
    }

    /// <summary>A DS value of at most 16 characters that keeps as many significant digits as fit.</summary>
    public static string FormatDecimal(double value)
    {
        if (!double.IsFinite(value))
        {
            throw new TriageReportException($"A numeric SR value must be finite, got {value}.");
        }

        for (var digits = 10; digits > 1; digits--)
        {
            var text = value.ToString("G" + digits.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
            if (text.Length <= 16)
            {
                return text;
            }
        }

        return value.ToString("E2", CultureInfo.InvariantCulture);
    }

    private static DicomDataset Item(string relationship, string valueType, CodedConcept concept)
    {
        var item = new DicomDataset();
        item.Set(DicomTags.RelationshipType, relationship);
        item.Set(DicomTags.ValueType, valueType);
        item.SetSequence(DicomTags.ConceptNameCodeSequence, [concept.ToItem()]);
        return item;
    }

    private static DicomDataset WithChildren(DicomDataset item, IEnumerable<DicomDataset>? children)
    {
        var list = children?.ToList() ?? [];
        if (list.Count > 0)
        {
            item.SetSequence(DicomTags.ContentSequence, list);
        }

        return item;
    }
}
