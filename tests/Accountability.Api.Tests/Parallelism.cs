// Fixtures run side by side: each test makes its own tenant, and every node with background work or a clock ahead
// works on a schema of its own (docs/testing.md). Most tests wait on I/O, so more fixtures than cores pay.
[assembly: Parallelizable(ParallelScope.Fixtures)]
[assembly: LevelOfParallelism(4)]
