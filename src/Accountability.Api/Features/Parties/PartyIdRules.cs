using Accountability.Domain.Parties;
using FluentValidation;

namespace Accountability.Api.Features.Parties;

/// <summary>The domain's party rules (<see cref="PartyRules"/>) as validators for requests.</summary>
public static class PartyIdRules
{
    public const string Pattern = PartyRules.IdPattern;

    /// <summary>Party ids are short lowercase slugs (letters, digits, dashes), as they appear in URLs and events.</summary>
    public static IRuleBuilderOptions<T, string?> PartyId<T>(this IRuleBuilder<T, string?> rule) =>
        rule.NotEmpty().Matches(Pattern).WithMessage($"'{{PropertyName}}' must be a party id: lowercase letters, digits and dashes, at most {PartyRules.MaxIdLength}.");

    /// <summary>The id of a party being registered: a party id, and none of the ids the product acts under itself.</summary>
    public static IRuleBuilderOptions<T, string?> NewPartyId<T>(this IRuleBuilder<T, string?> rule) =>
        rule.PartyId().Must(id => id is null || !PartyRules.IsReserved(id)).WithMessage((_, id) => PartyRules.ReservedMessage(id!));

    /// <summary>A display name; NotEmpty says, to the OpenAPI document too, that it is required.</summary>
    public static IRuleBuilderOptions<T, string?> DisplayName<T>(this IRuleBuilder<T, string?> rule) =>
        rule.NotEmpty().WithMessage(PartyRules.DisplayNameProblem(null)!)
            .Must(name => PartyRules.DisplayNameProblem(name) is null).WithMessage((_, name) => PartyRules.DisplayNameProblem(name)!);
}
