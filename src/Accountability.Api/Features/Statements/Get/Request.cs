using Accountability.Api.Auth;
using Accountability.Api.Features.Parties;
using Accountability.Api.Http;
using Accountability.Domain.Liability;
using FastEndpoints;
using FluentValidation;
using System.Security.Claims;

namespace Accountability.Api.Features.Statements.Get;

/// <summary>Which party's statements, for which months.</summary>
public sealed class Request
{
    public const int MaxMonths = 24;

    /// <summary>The party whose statements to read; required of the operator; a vendor key may name only its own party (the default).</summary>
    [QueryParam] public string? Party { get; init; }
    /// <summary>The first month, as 2026-01, in the marketplace's time zone.</summary>
    [QueryParam] public string? From { get; init; }
    /// <summary>The last month (inclusive), as 2026-03; left out, the same as from. At most 24 months from from.</summary>
    [QueryParam] public string? To { get; init; }
    /// <summary>json (the default) or csv; Accept: text/csv also gives CSV.</summary>
    [QueryParam] public string? Format { get; init; }

    /// <summary>The party this caller reads: a vendor its own only.</summary>
    public string PartyFor(ClaimsPrincipal user)
    {
        if (user.IsOperator())
            return Party ?? throw ProblemException.Naming(ProblemKind.Validation, "party", "Name the party whose statements to read.");
        if (Party is not null && Party != user.PartyId())
            throw ProblemException.Naming(ProblemKind.Forbidden, "party", $"A vendor key reads its own party's statements only, not '{Party}'.");
        return user.PartyId();
    }

    public (StatementPeriod From, StatementPeriod To) Months()
    {
        StatementPeriod.TryParse(From, out var from);
        return (from, StatementPeriod.TryParse(To, out var to) ? to : from);
    }

    public bool WantsCsv(HttpRequest request) =>
        Format == "csv" || (Format is null && request.Headers.Accept.ToString().Contains(StatementCsv.MediaType, StringComparison.OrdinalIgnoreCase));

    public sealed class Validator : Validator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.Party).PartyId().When(r => r.Party is not null);
            RuleFor(r => r.From).NotEmpty().WithMessage("Give the first month, as 2026-01.")
                .Must(f => StatementPeriod.TryParse(f, out _)).WithMessage("'from' is a month, as 2026-01.");
            RuleFor(r => r.To).Must(t => StatementPeriod.TryParse(t, out _)).WithMessage("'to' is a month, as 2026-03.").When(r => r.To is not null);
            RuleFor(r => r.To).Must((r, _) => r.Months() is var (from, to) && to.CompareTo(from) >= 0 && to.Number - from.Number < MaxMonths)
                .WithMessage($"'to' is from 'from' to {MaxMonths - 1} months after it.")
                .When(r => StatementPeriod.TryParse(r.From, out _) && StatementPeriod.TryParse(r.To, out _));
            RuleFor(r => r.Format).Must(f => f is null or "json" or "csv").WithMessage("'format' must be json or csv.");
        }
    }
}
