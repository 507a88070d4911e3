using Accountability.Api.Cli;

return await CommandLine.RunAsync(args, CommandContext.OfThisProcess());
