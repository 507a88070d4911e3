using Accountability.Api.Http;
using FluentValidation;
using FluentValidation.Validators;

namespace Accountability.Api.Setup;

/// <summary>
/// The fields a request must carry, as its validator says: a NotNull or NotEmpty rule with no condition. The OpenAPI
/// document marks exactly these required, whatever the property's nullability says.
/// </summary>
public static class ValidatorRequiredFields
{
    private static readonly Dictionary<Type, Type> ValidatorOf = typeof(ValidatorRequiredFields).Assembly.GetTypes()
        .Where(t => t is { IsAbstract: false, IsGenericTypeDefinition: false } && typeof(IValidator).IsAssignableFrom(t))
        .SelectMany(t => t.GetInterfaces().Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IValidator<>))
            .Select(i => (Validated: i.GetGenericArguments()[0], Validator: t)))
        .ToDictionary(p => p.Validated, p => p.Validator);

    /// <summary>Every validated request type of the service.</summary>
    public static IReadOnlyCollection<Type> ValidatedTypes => ValidatorOf.Keys;

    /// <summary>The JSON names of the fields the validator of <paramref name="type"/> requires; null when it has none.</summary>
    public static IReadOnlySet<string>? Of(Type type)
    {
        if (!ValidatorOf.TryGetValue(type, out var validatorType))
            return null;
        var validator = (IValidator)Activator.CreateInstance(validatorType)!;
        return validator.CreateDescriptor().Rules
            .Where(rule => rule.PropertyName is not null && !rule.HasCondition && !rule.HasAsyncCondition && !IsEach(rule))
            .Where(rule => rule.Components.Any(c => !c.HasCondition && !c.HasAsyncCondition && c.Validator is INotNullValidator or INotEmptyValidator))
            .Select(rule => ValidationProblems.FieldName(rule.PropertyName!))
            .ToHashSet();
    }

    /// <summary>A RuleForEach judges the items of a collection, not whether the collection is there.</summary>
    private static bool IsEach(IValidationRule rule) =>
        rule.GetType().IsGenericType && rule.GetType().GetGenericTypeDefinition().Name.StartsWith("CollectionPropertyRule", StringComparison.Ordinal);
}
