using Accountability.Api.Auth;
using Accountability.Api.Features.Parties;
using Accountability.Api.Http;
using Accountability.Domain.Times;
using FastEndpoints;
using FluentValidation;
using System.Security.Claims;

namespace Accountability.Api.Features.Scorecards;

/// <summary>The filters every scorecard takes.</summary>
public sealed class ScorecardRequest
{
    /// <summary>Facts from this moment on (ISO 8601, inclusive); no lower bound when absent. Bounds are clamped to 1970..9000.</summary>
    [QueryParam] public DateTimeOffset? From { get; init; }
    /// <summary>Facts before this moment (exclusive); no upper bound when absent.</summary>
    [QueryParam] public DateTimeOffset? To { get; init; }
    /// <summary>One party's card; for products, the complaints that party has held. A vendor key may name only itself.</summary>
    [QueryParam] public string? Party { get; init; }
    /// <summary>Only complaints about this product (exact name).</summary>
    [QueryParam] public string? Product { get; init; }
    /// <summary>Only complaints of this category (exact name).</summary>
    [QueryParam] public string? Category { get; init; }
    /// <summary>json (the default) or csv; Accept: text/csv also gives CSV.</summary>
    [QueryParam] public string? Format { get; init; }

    /// <summary>The filter this caller may apply: a vendor sees its own party only.</summary>
    public ScorecardFilter FilterFor(ClaimsPrincipal user)
    {
        if (user.IsOperator())
            return new ScorecardFilter(FilterTime.Clamp(From), FilterTime.Clamp(To), Party, Product, Category);
        if (Party is not null && Party != user.PartyId())
            throw new ProblemException(ProblemKind.Forbidden, "A vendor key sees its own party's scorecard only.");
        return new ScorecardFilter(FilterTime.Clamp(From), FilterTime.Clamp(To), user.PartyId(), Product, Category);
    }

    public bool WantsCsv(HttpRequest request) =>
        Format == "csv" || (Format is null && request.Headers.Accept.ToString().Contains(ScorecardCsv.MediaType, StringComparison.OrdinalIgnoreCase));

    public sealed class Validator : Validator<ScorecardRequest>
    {
        public Validator()
        {
            RuleFor(r => r.To).GreaterThan(r => r.From).When(r => r.From is not null && r.To is not null)
                .WithMessage("'to' must be after 'from'.");
            RuleFor(r => r.Party).PartyId().When(r => r.Party is not null);
            RuleFor(r => r.Product).NotEmpty().MaximumLength(200).When(r => r.Product is not null);
            RuleFor(r => r.Category).NotEmpty().MaximumLength(200).When(r => r.Category is not null);
            RuleFor(r => r.Format).Must(f => f is null or "json" or "csv").WithMessage("'format' must be json or csv.");
        }
    }
}
