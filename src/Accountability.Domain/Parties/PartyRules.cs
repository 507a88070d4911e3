using System.Text.RegularExpressions;
using Accountability.Domain.Rules;
using Accountability.Domain.Text;

namespace Accountability.Domain.Parties;

/// <summary>
/// What a party's id and display name must be, however the party is registered (API, import, command line), and the
/// ids the product acts under itself, which no registered party may take.
/// </summary>
public static partial class PartyRules
{
    public const string IdPattern = @"^[a-z0-9][a-z0-9-]{0,62}\z";

    public const int MaxIdLength = 63;

    public const int MaxDisplayNameLength = 200;

    /// <summary>The import's name in the ledger's metadata: a party of that id would pass for it.</summary>
    public const string ImportActor = "import";

    /// <summary>The store, the customer, the rules and the importer: the product's own actors.</summary>
    public static readonly IReadOnlySet<string> ReservedIds = new HashSet<string>(StringComparer.Ordinal)
    {
        Party.StoreId, Party.CustomerId, RuleEngine.Actor, ImportActor,
    };

    public static bool IsReserved(string id) => ReservedIds.Contains(id);

    public static string ReservedMessage(string id) => $"'{id}' is reserved: the product acts under it itself.";

    /// <summary>Why this cannot be a vendor's id; null when it can.</summary>
    public static string? IdProblem(string? id) =>
        string.IsNullOrEmpty(id) || !IdShape().IsMatch(id) ? $"A party id is lowercase letters, digits and dashes, at most {MaxIdLength}."
        : IsReserved(id) ? ReservedMessage(id)
        : null;

    /// <summary>Why this cannot be a party's display name; null when it can.</summary>
    public static string? DisplayNameProblem(string? name) =>
        string.IsNullOrWhiteSpace(name) ? "A display name must not be empty."
        : name.Length > MaxDisplayNameLength ? $"A display name is at most {MaxDisplayNameLength} characters."
        : !StorableText.IsStorable(name) ? $"A display name {StorableText.Rule}."
        : null;

    [GeneratedRegex(IdPattern)]
    private static partial Regex IdShape();
}
