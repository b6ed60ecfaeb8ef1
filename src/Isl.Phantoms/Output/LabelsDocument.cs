using System.Text;
using System.Text.Json;

namespace Isl.Phantoms.Output;

/// <summary>
/// Writes <c>labels.json</c>: format tag, seed, identity, geometry, acquisition, the lesions
/// (type, size, location, mask value, volume in mL, InstanceNumber range, mean HU, midline shift)
/// and how to read the mask volume.
/// </summary>
internal static class LabelsDocument
{
    public const string FileName = "labels.json";
    public const string Format = "isl-phantom-labels/1";

    public static byte[] Create(PhantomStudy study)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("format", Format);
            json.WriteNumber("seed", study.Spec.Seed);
            json.WriteBoolean("normal", study.IsNormal);
            json.WriteString("patientName", study.Identity.PatientName);
            json.WriteString("patientId", study.Identity.PatientId);
            json.WriteString("studyInstanceUid", study.Identity.StudyInstanceUid);
            json.WriteString("seriesInstanceUid", study.Identity.SeriesInstanceUid);

            json.WriteStartObject("geometry");
            json.WriteNumber("slices", study.SliceCount);
            json.WriteNumber("rows", study.Rows);
            json.WriteNumber("columns", study.Columns);
            json.WriteNumber("pixelSpacingMm", Math.Round(study.PixelSpacingMm, 6));
            json.WriteNumber("sliceThicknessMm", study.SliceThicknessMm);
            json.WriteNumber("sliceSpacingMm", study.SliceSpacingMm);
            json.WriteNumber("gantryTiltDeg", study.GantryTiltDeg);
            json.WriteEndObject();

            json.WriteStartObject("acquisition");
            json.WriteNumber("noiseSigmaHu", Math.Round(study.NoiseSigmaHu, 2));
            json.WriteBoolean("beamHardeningStreaks", study.BeamHardening);
            json.WriteString("storedValues", "int16, HU = stored + RescaleIntercept (-1024)");
            json.WriteEndObject();

            json.WriteStartArray("lesions");
            foreach (var lesion in study.Lesions)
            {
                json.WriteStartObject();
                json.WriteNumber("maskValue", lesion.MaskValue);
                json.WriteString("type", lesion.Type.ToSlug());
                json.WriteString("size", lesion.Size.ToString().ToLowerInvariant());
                json.WriteString("location", lesion.Location);
                json.WriteNumber("volumeMl", lesion.VolumeMl);
                json.WriteNumber("firstInstance", lesion.FirstInstance);
                json.WriteNumber("lastInstance", lesion.LastInstance);
                json.WriteNumber("meanHu", lesion.MeanHu);
                if (lesion.MidlineShiftMm is { } shift)
                {
                    json.WriteNumber("midlineShiftMm", shift);
                }

                if (lesion.ParentMaskValue is { } parent)
                {
                    json.WriteNumber("parentMaskValue", parent);
                }

                json.WriteEndObject();
            }

            json.WriteEndArray();

            json.WriteStartObject("mask");
            json.WriteString("file", MaskFile.FileName);
            json.WriteString("encoding", "gzip of raw uint8");
            json.WriteStartArray("shape");
            json.WriteNumberValue(study.SliceCount);
            json.WriteNumberValue(study.Rows);
            json.WriteNumberValue(study.Columns);
            json.WriteEndArray();
            json.WriteString("order", "slices in InstanceNumber order (file CT0001.dcm first), rows top to bottom, columns left to right");
            json.WriteString("values", "0 = background, k = the lesion whose maskValue is k");
            json.WriteEndObject();
            json.WriteEndObject();
        }

        buffer.Write("\n"u8);
        return buffer.ToArray();
    }

    public static string ToText(PhantomStudy study) => Encoding.UTF8.GetString(Create(study));
}
