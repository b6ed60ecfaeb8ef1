// Spectre.Console allows one live display (progress bar) per process, and libtorch's thread settings are global:
// the CLI tests must not run side by side.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
