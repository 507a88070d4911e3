using System.Text.Json.Serialization;
using FastEndpoints;
using FluentValidation;

namespace Accountability.Api.Features.Imports.Upload;

/// <param name="Source">A name for where the history comes from, kept on every imported complaint.</param>
/// <param name="Csv">The event log as CSV, header row first, for a mapping whose format is csv (the default).</param>
/// <param name="Replace">The source was imported with another mapping: remove its complaints and import it again.</param>
/// <param name="Jsonl">The event log as JSON Lines, one JSON object a line, for a mapping whose format is jsonl (docs/import-sources.md).</param>
/// <remarks>The log, csv or jsonl, is up to 4 MiB; use the command line for larger files.</remarks>
/// <param name="Mapping">Which columns (or JSON fields) hold the case id, the time, the party and the rest (docs/import.md).</param>
public sealed record Request(string Source, ImportMapping Mapping, string? Csv = null, bool? Replace = null, string? Jsonl = null)
{
    public const int MaxBytes = 4 * 1024 * 1024;

    /// <summary>The request's member that holds the log, as the API names it.</summary>
    [JsonIgnore]
    public string LogMember => Mapping?.IsJsonLines == true ? "jsonl" : "csv";

    [JsonIgnore]
    public string Log => (Mapping?.IsJsonLines == true ? Jsonl : Csv) ?? "";

    public sealed class Validator : Validator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.Source).NotEmpty().MaximumLength(100);
            RuleFor(r => r.Mapping).NotNull().Custom((mapping, context) =>
            {
                foreach (var (field, problem) in mapping?.Problems() ?? new Dictionary<string, string>())
                    context.AddFailure(field, problem);
            });
            RuleFor(r => r.Csv).NotEmpty().When(r => r.Mapping?.IsJsonLines != true);
            RuleFor(r => r.Csv).Null().When(r => r.Mapping?.IsJsonLines == true)
                .WithMessage("The mapping's format is jsonl: send the log as 'jsonl', one JSON object a line.");
            RuleFor(r => r.Jsonl).NotEmpty().When(r => r.Mapping?.IsJsonLines == true);
            RuleFor(r => r.Jsonl).Null().When(r => r.Mapping?.IsJsonLines != true)
                .WithMessage("JSON Lines needs a mapping with \"format\": \"jsonl\"; for CSV send the log as 'csv'.");
        }
    }
}
