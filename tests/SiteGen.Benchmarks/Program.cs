using BenchmarkDotNet.Running;

// Micro-benchmarks of the build's hot paths. Run from the repository root:
//   dotnet run -c Release --project tests/SiteGen.Benchmarks -- --filter '*'
// or `sitegen bench micro -- --filter '*Markdig*'`. Without --filter BenchmarkDotNet asks which to run.
BenchmarkSwitcher.FromAssembly(typeof(SiteGen.Benchmarks.HotPaths).Assembly).Run(args);
