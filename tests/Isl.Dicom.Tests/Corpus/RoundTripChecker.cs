using Isl.Dicom.Imaging;

namespace Isl.Dicom.Tests.Corpus;

/// <summary>
/// Transcodes files to Explicit VR LE with our code and with dcmtk, then demands the same dcmdump listing
/// (outside group 0002), the same pixel bytes and a zero dcmicmp error. Files we cannot decode must fail with
/// the not-supported error naming their syntax; files listed as broken must fail with the parse error.
/// Peers run as few times as possible: one dcmtk conversion per file, one dcmdump per batch, dcmicmp per image.
/// </summary>
internal sealed class RoundTripChecker(string workDirectory, IReadOnlyDictionary<string, string> expectedParseErrors)
{
    /// <summary>Checks (name, path) pairs, two at a time, and returns one outcome per file in input order.</summary>
    public CorpusOutcome[] CheckAll(IReadOnlyList<(string Name, string Path)> files)
    {
        var prepared = new object[files.Count];
        Parallel.For(0, files.Count, new ParallelOptions { MaxDegreeOfParallelism = 2 }, i => prepared[i] = Prepare(files[i].Path, files[i].Name));
        var pending = prepared.OfType<Pending>().ToList();
        var listings = DcmtkReference.DatasetListings(pending.SelectMany(p => new[] { p.Reference, p.Ours }).ToList());
        var outcomes = new CorpusOutcome[files.Count];
        Parallel.For(0, files.Count, new ParallelOptions { MaxDegreeOfParallelism = 2 }, i =>
            outcomes[i] = prepared[i] as CorpusOutcome ?? Finish((Pending)prepared[i], listings));
        return outcomes;
    }

    private object Prepare(string path, string name)
    {
        var folder = Path.Combine(workDirectory, Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var ours = Path.Combine(folder, "ours.dcm");
        var reference = Path.Combine(folder, "dcmtk.dcm");
        DicomTransferSyntax? syntax = null;
        DicomFile result;
        try
        {
            var source = DicomFile.Open(path);
            syntax = source.TransferSyntax;
            result = DicomTranscoder.Transcode(source, DicomTransferSyntax.ExplicitVRLittleEndian);
            result.Save(ours);
        }
        catch (DicomNotSupportedException e) when (syntax is not null)
        {
            return e.Message.Contains(syntax.Uid, StringComparison.Ordinal) && e.Message.Contains(syntax.Name, StringComparison.Ordinal)
                ? new CorpusOutcome(name, CorpusOutcomeKind.ClearError, e.Message)
                : new CorpusOutcome(name, CorpusOutcomeKind.Failure, $"the not-supported error does not name {syntax}: {e.Message}");
        }
        catch (DicomParseException e)
        {
            return expectedParseErrors.TryGetValue(name, out var reason)
                ? new CorpusOutcome(name, CorpusOutcomeKind.ClearError, $"broken as listed ({reason}): {e.Message}")
                : new CorpusOutcome(name, CorpusOutcomeKind.Failure, $"unexpected parse error: {e.Message}");
        }
        catch (Exception e)
        {
            return new CorpusOutcome(name, CorpusOutcomeKind.Failure, $"{e.GetType().Name}: {e.Message}");
        }

        if (expectedParseErrors.ContainsKey(name))
        {
            return new CorpusOutcome(name, CorpusOutcomeKind.Failure, "listed as broken, yet it was read and transcoded");
        }

        var converted = DcmtkReference.ToExplicitLittleEndian(path, syntax, reference);
        if (converted.ExitCode != 0 || !File.Exists(reference))
        {
            return new CorpusOutcome(name, CorpusOutcomeKind.Failure, $"dcmtk could not convert it: {converted.Output.Trim()}");
        }

        var data = result.Dataset;
        var isImage = data.Contains(DicomTags.PixelData) && data.Contains(DicomTags.Rows) && data.Contains(DicomTags.PhotometricInterpretation);
        var bits = data.TryGetUInt16(DicomTags.BitsAllocated, out var allocated) ? allocated : 0;
        return new Pending(name, ours, reference, isImage, bits);
    }

    private static CorpusOutcome Finish(Pending pending, IReadOnlyDictionary<string, IReadOnlyList<string>> listings)
    {
        var expected = listings[pending.Reference];
        var actual = listings[pending.Ours];
        var firstDifference = Enumerable.Range(0, Math.Max(expected.Count, actual.Count))
            .FirstOrDefault(i => i >= expected.Count || i >= actual.Count || expected[i] != actual[i], -1);
        if (firstDifference >= 0)
        {
            return Fail(pending, $"dcmdump differs at line {firstDifference + 1}: dcmtk '{At(expected, firstDifference)}' vs ours '{At(actual, firstDifference)}'");
        }

        if (!DicomFile.Open(pending.Reference).Dataset.TryGetBytes(DicomTags.PixelData, out var dcmtkPixels))
        {
            return new CorpusOutcome(pending.Name, CorpusOutcomeKind.RoundTripped, "same listing (no pixel data)");
        }

        var ourPixels = DicomFile.Open(pending.Ours).Dataset.GetBytes(DicomTags.PixelData);
        if (!ourPixels.Span.SequenceEqual(dcmtkPixels.Span))
        {
            return Fail(pending, $"pixel bytes differ ({ourPixels.Length} vs dcmtk's {dcmtkPixels.Length})");
        }

        var same = $"same listing, identical pixel bytes ({ourPixels.Length})";
        if (!pending.IsImage)
        {
            return new CorpusOutcome(pending.Name, CorpusOutcomeKind.RoundTripped, $"{same}; not an image for dcmicmp (no Rows/PhotometricInterpretation)");
        }

        if (pending.BitsAllocated > 16)
        {
            return new CorpusOutcome(pending.Name, CorpusOutcomeKind.RoundTripped, $"{same}; dcmicmp cannot compare {pending.BitsAllocated}-bit samples");
        }

        var (maxError, output) = DcmtkReference.CompareImages(pending.Reference, pending.Ours);
        return maxError switch
        {
            0 => new CorpusOutcome(pending.Name, CorpusOutcomeKind.RoundTripped, $"{same}, dcmicmp max error 0"),
            null => Fail(pending, $"dcmicmp could not compare: {output}"),
            _ => Fail(pending, $"dcmicmp max error {maxError}"),
        };
    }

    private static CorpusOutcome Fail(Pending pending, string detail) => new(pending.Name, CorpusOutcomeKind.Failure, detail);

    private static string At(IReadOnlyList<string> lines, int index) => index < lines.Count ? lines[index] : "<end>";

    private sealed record Pending(string Name, string Ours, string Reference, bool IsImage, int BitsAllocated);
}
