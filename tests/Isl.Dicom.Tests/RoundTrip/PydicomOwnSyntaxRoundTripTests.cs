using System.Collections.Concurrent;
using Isl.Testing;
using Xunit.Abstractions;

namespace Isl.Dicom.Tests.RoundTrip;

/// <summary>
/// Every pydicom test file that dcmtk can read must be read by us, written back in its own transfer syntax, and
/// list the same elements and values under dcmdump. Files dcmtk cannot read must fail with our parse error or
/// read (we may be more lenient), never crash.
/// </summary>
[Trait("Category", "Integration")]
public class PydicomOwnSyntaxRoundTripTests(ITestOutputHelper output)
{
    [Fact]
    public void Every_readable_file_round_trips_in_its_own_syntax()
    {
        var files = Directory.GetFiles(SharedData.PydicomTestFiles, "*", SearchOption.AllDirectories)
            .Where(f => !f.EndsWith(".json", StringComparison.Ordinal) && !f.EndsWith(".py", StringComparison.Ordinal)
                && !f.EndsWith(".gz", StringComparison.Ordinal) && !f.EndsWith(".txt", StringComparison.Ordinal)
                && !f.EndsWith(".dump", StringComparison.Ordinal) && !Path.GetFileName(f).StartsWith("README", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal).ToList();
        using var temp = new TempDirectory("isl-rt");
        var problems = new ConcurrentBag<string>();
        int roundTripped = 0, bothRefuse = 0, peerRefusesOnly = 0;
        Parallel.ForEach(files, new ParallelOptions { MaxDegreeOfParallelism = 4 }, (file, _, index) =>
        {
            var name = Path.GetRelativePath(SharedData.PydicomTestFiles, file);
            var (peerExit, original) = DcmdumpListing.Of(file);
            DicomFile ours;
            try
            {
                ours = DicomFile.Open(file);
            }
            catch (DicomParseException e)
            {
                if (peerExit == 0)
                {
                    problems.Add($"{name}: dcmdump reads it but we fail: {e.Message}");
                }
                else
                {
                    Interlocked.Increment(ref bothRefuse);
                }

                return;
            }

            var written = Path.Combine(temp.Path, $"{index}.dcm");
            ours.Save(written);
            if (peerExit != 0)
            {
                Interlocked.Increment(ref peerRefusesOnly);
                return;
            }

            var (writtenExit, rewritten) = DcmdumpListing.Of(written);
            if (writtenExit != 0 || !original.SequenceEqual(rewritten))
            {
                var firstDifference = original.Zip(rewritten).FirstOrDefault(p => p.First != p.Second);
                problems.Add($"{name}: dcmdump exit {writtenExit}, {original.Count} vs {rewritten.Count} lines; first difference: '{firstDifference.First}' vs '{firstDifference.Second}'");
                return;
            }

            Interlocked.Increment(ref roundTripped);
        });

        output.WriteLine($"{files.Count} files: {roundTripped} round-tripped, {bothRefuse} refused by dcmtk and us, {peerRefusesOnly} refused by dcmtk only (we read and rewrite them), {problems.Count} problems");
        Assert.True(problems.IsEmpty, string.Join('\n', problems));
        Assert.True(roundTripped > 100, $"only {roundTripped} files round-tripped");
    }
}
