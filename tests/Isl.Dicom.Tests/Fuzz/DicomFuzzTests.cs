using System.Diagnostics;
using Isl.Dicom.Tests.Peers;
using Isl.Testing;
using Xunit.Abstractions;

namespace Isl.Dicom.Tests.Fuzz;

/// <summary>
/// Hostile input: thousands of deterministic mutations of real files. Only DicomException subclasses may escape,
/// nothing may hang, and no parse may allocate in proportion to a length it has not verified.
/// </summary>
public class DicomFuzzTests(ITestOutputHelper output)
{
    private const int Seed = 20240517;
    private const int CasesPerSeedFile = 600;

    [Fact]
    public async Task Mutated_files_fail_only_with_our_exceptions()
    {
        var seeds = SeedFiles();
        var random = new Random(Seed);
        var mutator = new SeedMutator(random);
        var failures = new List<string>();
        int cases = 0, parsed = 0, refused = 0;
        var slowest = TimeSpan.Zero;
        var work = Task.Run(() =>
        {
            foreach (var (name, seed) in seeds)
            {
                for (var i = 0; i < CasesPerSeedFile; i++)
                {
                    var (kind, bytes) = mutator.Mutate(seed);
                    var options = random.Next(3) == 0 ? new DicomReadOptions { StopAtTag = DicomTags.PixelData } : null;
                    var watch = Stopwatch.StartNew();
                    var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
                    try
                    {
                        var file = DicomFile.Read(new MemoryStream(bytes, writable: false), options);
                        var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
                        var bound = (8L * bytes.Length) + (8L << 20) + (file.TransferSyntax.IsDeflated ? 600L * bytes.Length : 0);
                        if (allocated > bound)
                        {
                            failures.Add($"{name} #{i} ({kind}): parsing {bytes.Length} bytes allocated {allocated} bytes");
                        }

                        _ = DicomDatasetPrinter.Format(file);
                        _ = DicomDatasetWriter.Encode(file.Dataset, DicomTransferSyntax.ExplicitVRLittleEndian);
                        parsed++;
                    }
                    catch (DicomException)
                    {
                        refused++;
                    }
                    catch (Exception e)
                    {
                        failures.Add($"{name} #{i} ({kind}): {e.GetType().Name}: {e.Message}");
                    }

                    slowest = watch.Elapsed > slowest ? watch.Elapsed : slowest;
                    cases++;
                }
            }
        });

        // Typically a few seconds; the generous limit only catches a hang, even on a heavily loaded machine.
        var finished = await Task.WhenAny(work, Task.Delay(TimeSpan.FromMinutes(5)));
        Assert.True(finished == work, $"the fuzz run did not finish in 5 minutes (a hang?) after {cases} cases");
        await work;
        output.WriteLine($"{cases} cases: {parsed} parsed, {refused} refused with DicomException, slowest {slowest.TotalMilliseconds:F0} ms");
        Assert.True(failures.Count == 0, string.Join('\n', failures.Take(30)));
        Assert.True(cases >= 5000, $"only {cases} cases ran");
        Assert.True(refused > cases / 10, "the mutations hardly ever broke the input; the fuzzer is not doing its job");
    }

    private static List<(string Name, byte[] Bytes)> SeedFiles()
    {
        var seeds = new List<(string, byte[])>
        {
            ("ge-slice", GeSliceWithSmallPixelData()),
            ("scratch-implicit", Save(DicomTransferSyntax.ImplicitVRLittleEndian)),
            ("scratch-deflated", Save(DicomTransferSyntax.DeflatedExplicitVRLittleEndian)),
        };
        foreach (var name in new[] { "CT_small.dcm", "MR_small_bigendian.dcm", "image_dfl.dcm", "rtplan.dcm", "nested_priv_SQ.dcm", "MR_small_RLE.dcm" })
        {
            seeds.Add((name, File.ReadAllBytes(Path.Combine(SharedData.PydicomTestFiles, name))));
        }

        return seeds;
    }

    /// <summary>The real GE header with its pixel data cut to 4 KiB, so that each case costs little.</summary>
    private static byte[] GeSliceWithSmallPixelData()
    {
        var file = DicomFile.Open(SharedData.GeHeadCtFiles()[0]);
        file.Dataset.SetBytes(DicomTags.PixelData, DicomVR.OW, file.Dataset.GetBytes(DicomTags.PixelData)[..4096]);
        using var stream = new MemoryStream();
        file.Save(stream);
        return stream.ToArray();
    }

    private static byte[] Save(DicomTransferSyntax syntax)
    {
        using var stream = new MemoryStream();
        new DicomFile(ScratchCtImage.Create(), syntax).Save(stream);
        return stream.ToArray();
    }
}
