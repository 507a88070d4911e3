using FastEndpoints;
using FluentValidation;

namespace Accountability.Api.Features.Imports.Upload;

/// <param name="Source">A name for where the history comes from, kept on every imported complaint.</param>
/// <param name="Csv">The event log itself, header row first (up to 4 MiB; use the command line for larger files).</param>
public sealed record Request(string Source, ImportMapping Mapping, string Csv)
{
    public const int MaxBytes = 4 * 1024 * 1024;

    private const int MaxNameLength = 200;

    public sealed class Validator : Validator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.Source).NotEmpty().MaximumLength(100);
            RuleFor(r => r.Mapping).NotNull();
            RuleFor(r => r.Mapping.CaseId).NotEmpty().When(r => r.Mapping is not null);
            RuleFor(r => r.Mapping.Timestamp).NotEmpty().When(r => r.Mapping is not null);
            RuleFor(r => r.Mapping.TimestampFormat).NotEmpty().When(r => r.Mapping is not null);
            RuleFor(r => r.Mapping.Party).NotEmpty().When(r => r.Mapping is not null);
            RuleFor(r => r.Mapping).Must(m => new[] { m.CaseId, m.Timestamp, m.TimestampFormat, m.Party, m.Status, m.Person, m.Product, m.Category, m.Severity, m.Missing }
                .All(name => name is not { Length: > MaxNameLength })).When(r => r.Mapping is not null)
                .WithMessage($"Column names, the timestamp format and the missing marker are at most {MaxNameLength} characters.");
            RuleFor(r => r.Csv).NotEmpty();
        }
    }
}
