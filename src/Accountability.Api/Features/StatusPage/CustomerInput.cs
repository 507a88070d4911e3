namespace Accountability.Api.Features.StatusPage;

/// <summary>Bounds on what a customer may type into the page's forms.</summary>
public static class CustomerInput
{
    public const int MaxLength = 4000;
}
