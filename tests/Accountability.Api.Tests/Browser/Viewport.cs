namespace Accountability.Api.Tests.Browser;

/// <summary>A screen a page is opened on: its CSS size, pixel density and whether it is a touch phone.</summary>
public sealed record Viewport(string Name, int Width, int Height, float Scale, bool IsPhone)
{
    public static readonly Viewport Phone = new("phone", 390, 844, 2, IsPhone: true);

    public static readonly Viewport Desktop = new("desktop", 1280, 800, 1, IsPhone: false);

    public static readonly Viewport[] All = [Phone, Desktop];

    public override string ToString() => Name;
}
