// Benchmarks run on demand (never in tests): `dotnet run -c Release --project bench/Isl.Bench -- <suite>`.
Console.Error.WriteLine("usage: isl-bench <suite>   (suites are added by the subsystems)");
return 2;
