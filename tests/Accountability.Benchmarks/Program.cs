using Accountability.Benchmarks;
using BenchmarkDotNet.Running;

if (args is ["webhook-receiver", .. var rest])
    return await WebhookReceiver.RunAsync(rest);

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
