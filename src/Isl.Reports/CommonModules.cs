using System.Globalization;
using System.Text;
using Isl.Dicom;
using Isl.Reports.Coding;

namespace Isl.Reports;

/// <summary>The modules the SR and the Secondary Capture images share: patient and study copied from the source, equipment, dates.</summary>
internal static class CommonModules
{
    private static readonly DicomTag[] CopiedIfPresent =
    [
        DicomTags.SpecificCharacterSet,
        DicomTags.IssuerOfPatientID,
        DicomTags.OtherPatientIDsSequence,
        DicomTags.PatientBirthTime,
        DicomTags.PatientAge,
        DicomTags.PatientSize,
        DicomTags.PatientWeight,
        DicomTags.PatientIdentityRemoved,
        DicomTags.DeidentificationMethod,
        DicomTags.DeidentificationMethodCodeSequence,
        DicomTags.StudyDescription,
        DicomTags.IssuerOfAccessionNumberSequence,
    ];

    /// <summary>Type 2 attributes of the Patient and General Study modules: copied, or written empty.</summary>
    private static readonly DicomTag[] CopiedOrEmpty =
    [
        DicomTags.PatientName,
        DicomTags.PatientID,
        DicomTags.PatientBirthDate,
        DicomTags.PatientSex,
        DicomTags.StudyDate,
        DicomTags.StudyTime,
        DicomTags.ReferringPhysicianName,
        DicomTags.StudyID,
        DicomTags.AccessionNumber,
    ];

    /// <summary>Copies the Patient, Patient Study and General Study attributes of <paramref name="source"/> verbatim.</summary>
    /// <exception cref="TriageReportException">The source belongs to another study than the result.</exception>
    public static void CopyPatientAndStudy(DicomDataset source, DicomDataset target, string studyInstanceUid)
    {
        ArgumentNullException.ThrowIfNull(source);
        if (!source.TryGetString(DicomTags.StudyInstanceUID, out var sourceStudy) || sourceStudy != studyInstanceUid)
        {
            throw new TriageReportException($"The source dataset belongs to study '{sourceStudy}', not to the triaged study '{studyInstanceUid}'.");
        }

        target.Set(DicomTags.StudyInstanceUID, studyInstanceUid);
        foreach (var tag in CopiedIfPresent)
        {
            if (source.TryGetElement(tag, out var element))
            {
                target.Add(element);
            }
        }

        foreach (var tag in CopiedOrEmpty)
        {
            if (source.TryGetElement(tag, out var element))
            {
                target.Add(element);
            }
            else
            {
                target.Set(tag);
            }
        }

        RepairDeidentificationMethod(target);
    }

    /// <summary>
    /// De-identified sources must say how (Type 1C); some leave the method empty. Our outputs state that
    /// the source did not say rather than inherit the source's invalid header.
    /// </summary>
    private static void RepairDeidentificationMethod(DicomDataset target)
    {
        var removed = target.TryGetString(DicomTags.PatientIdentityRemoved, out var flag) && flag == "YES";
        var hasMethod = target.TryGetString(DicomTags.DeidentificationMethod, out var method) && method.Length > 0;
        var hasCodes = target.TryGetSequence(DicomTags.DeidentificationMethodCodeSequence, out var codes) && codes.Count > 0;
        if (removed && !hasMethod && !hasCodes)
        {
            target.Set(DicomTags.DeidentificationMethod, "Not stated by the source images");
        }
    }

    /// <summary>General Equipment (this agent) and the IHE AIR Contributing Equipment Sequence.</summary>
    public static void SetEquipment(DicomDataset target, TriageResult result)
    {
        var device = result.Device;
        target.Set(DicomTags.Manufacturer, Ascii(device.Manufacturer, 64));
        target.Set(DicomTags.ManufacturerModelName, Ascii(device.ModelName, 64));
        target.Set(DicomTags.SoftwareVersions, Ascii(result.Algorithm.Version, 64));

        var contributor = new DicomDataset();
        contributor.Set(DicomTags.Manufacturer, Ascii(device.Manufacturer, 64));
        contributor.Set(DicomTags.ManufacturerModelName, Ascii(device.ModelName, 64));
        contributor.Set(DicomTags.SoftwareVersions, Ascii(result.Algorithm.Version, 64));
        contributor.SetSequence(DicomTags.PurposeOfReferenceCodeSequence, [TriageCodes.ProcessingAlgorithm.ToItem()]);
        contributor.Set(DicomTags.ContributionDateTime, FormatDateTime(result.CompletedAt));
        contributor.Set(DicomTags.ContributionDescription, Ascii($"{result.Algorithm.Name} {result.Algorithm.Version}, model {result.Algorithm.ModelId} {result.Algorithm.ModelVersion}", 64));
        target.SetSequence(DicomTags.ContributingEquipmentSequence, [contributor]);
    }

    /// <summary>Content Date/Time, Instance Creation Date/Time and the timezone offset, from the triage's completion time.</summary>
    public static void SetContentDateTime(DicomDataset target, DateTimeOffset when)
    {
        var date = DateOnly.FromDateTime(when.DateTime);
        var time = TimeOnly.FromDateTime(when.DateTime);
        target.SetDate(DicomTags.ContentDate, date);
        target.SetTime(DicomTags.ContentTime, time);
        target.SetDate(DicomTags.InstanceCreationDate, date);
        target.SetTime(DicomTags.InstanceCreationTime, time);
        target.Set(DicomTags.TimezoneOffsetFromUTC, FormatOffset(when.Offset));
    }

    /// <summary>A DT value with the timezone offset (YYYYMMDDHHMMSS.FFFFFF&amp;ZZXX).</summary>
    public static string FormatDateTime(DateTimeOffset when) =>
        when.ToString("yyyyMMddHHmmss.ffffff", CultureInfo.InvariantCulture) + FormatOffset(when.Offset);

    /// <summary>Printable ASCII only (our own free text must not depend on the copied character set), cut to <paramref name="maxLength"/>.</summary>
    public static string Ascii(string text, int maxLength)
    {
        ArgumentNullException.ThrowIfNull(text);
        var builder = new StringBuilder(Math.Min(text.Length, maxLength));
        foreach (var c in text)
        {
            if (builder.Length == maxLength)
            {
                break;
            }

            builder.Append(c is >= ' ' and <= '~' && c != '\\' ? c : '?');
        }

        return builder.ToString().Trim();
    }

    private static string FormatOffset(TimeSpan offset) =>
        (offset < TimeSpan.Zero ? "-" : "+") + offset.Duration().ToString("hhmm", CultureInfo.InvariantCulture);
}
