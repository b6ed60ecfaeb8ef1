// Benchmarks run on demand (never in tests): `dotnet run -c Release --project bench/Isl.Bench -- <suite>`.
var suites = new Dictionary<string, Func<string[], int>>(StringComparer.Ordinal)
{
    ["pixel-decode"] = Isl.Bench.Codecs.PixelDecodeBenchmark.Run,
    ["dicom-io"] = Isl.Bench.Dicom.DicomIoBenchmark.Run,
    ["model"] = Isl.Bench.Model.ModelScoringBenchmark.Run,
};

if (args.Length > 0 && suites.TryGetValue(args[0], out var suite))
{
    return suite(args[1..]);
}

Console.Error.WriteLine($"usage: isl-bench <suite> [args]   suites: {string.Join(", ", suites.Keys)}");
return 2;
