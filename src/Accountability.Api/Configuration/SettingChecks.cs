namespace Accountability.Api.Configuration;

/// <summary>
/// The service's settings live in one configuration section; each feature owns the options it reads from it and says
/// what is wrong with them, each problem naming its setting.
/// </summary>
public static class SettingChecks
{
    public const string Section = "Accountability";

    public static IEnumerable<string> AtLeast(double least, params (string Name, double Value)[] settings) =>
        settings.Where(s => s.Value < least).Select(s => $"{Section}:{s.Name} must be {least} or more, not {s.Value}");

    public static IEnumerable<string> MoreThanZero(params (string Name, double Value)[] settings) =>
        settings.Where(s => s.Value <= 0).Select(s => $"{Section}:{s.Name} must be more than 0, not {s.Value}");
}
