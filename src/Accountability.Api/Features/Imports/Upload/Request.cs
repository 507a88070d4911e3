using FastEndpoints;
using FluentValidation;

namespace Accountability.Api.Features.Imports.Upload;

/// <param name="Source">A name for where the history comes from, kept on every imported complaint.</param>
/// <param name="Replace">The source was imported with another mapping: remove its complaints and import it again.</param>
/// <param name="Csv">The event log itself, header row first (up to 4 MiB; use the command line for larger files).</param>
public sealed record Request(string Source, ImportMapping Mapping, string Csv, bool? Replace = null)
{
    public const int MaxBytes = 4 * 1024 * 1024;

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
            RuleFor(r => r.Csv).NotEmpty();
        }
    }
}
