using System.Runtime.CompilerServices;
using Isl.Model.Runtime;

// Torch's global generator is shared: tests that seed it must not interleave, or their "seeded" runs differ.
[assembly: CollectionBehavior(DisableTestParallelization = true)]

namespace Isl.Model.Tests;

internal static class TorchTestSetup
{
    // One intra-op thread: the tests' tensors are tiny and CI machines are shared, where OpenMP spinning
    // across busy cores costs far more than it gains.
    [ModuleInitializer]
    internal static void UseOneThread() => TorchRuntime.SetThreads(1);
}
