using Accountability.Api.Configuration;

namespace Accountability.Api.Setup;

/// <summary>
/// Binds each options class from the one settings section and gathers what is wrong with all of them, so that a start
/// with wrong settings stops on one line naming every one.
/// </summary>
public sealed class SettingsBinder(IConfiguration configuration, IServiceCollection services)
{
    private readonly IConfigurationSection section = configuration.GetSection(SettingChecks.Section);
    private readonly List<string> problems = [];

    public T Bind<T>() where T : class, ISettings, new()
    {
        T settings;
        try
        {
            settings = section.Get<T>() ?? new T();
        }
        catch (InvalidOperationException unreadable)
        {
            throw new ConfigurationException($"Invalid configuration: {unreadable.Message}");
        }
        problems.AddRange(settings.Problems());
        services.Configure<T>(section);
        return settings;
    }

    public void ThrowIfAnyIsWrong()
    {
        if (problems.Count > 0)
            throw new ConfigurationException($"Invalid configuration: {string.Join("; ", problems)}.");
    }
}
