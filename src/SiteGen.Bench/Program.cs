using SiteGen.Bench;

// The benchmark program: SiteGen and Hugo side by side (docs/performance.md). Its own executable, so the
// sitegen tool does not carry the bench's browser dependencies; `sitegen bench` in a clone starts it.
return await BenchCommand.Create().Parse(args).InvokeAsync().ConfigureAwait(false);
