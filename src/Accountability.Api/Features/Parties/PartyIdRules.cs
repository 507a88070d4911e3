using FluentValidation;

namespace Accountability.Api.Features.Parties;

public static class PartyIdRules
{
    public const string Pattern = "^[a-z0-9][a-z0-9-]{0,62}$";

    /// <summary>Party ids are short lowercase slugs (letters, digits, dashes), as they appear in URLs and events.</summary>
    public static IRuleBuilderOptions<T, string?> PartyId<T>(this IRuleBuilder<T, string?> rule) =>
        rule.NotEmpty().Matches(Pattern).WithMessage("'{PropertyName}' must be a party id: lowercase letters, digits and dashes, at most 63.");
}
