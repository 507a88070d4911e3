using System.Text.Json.Serialization;
using Accountability.Api.Auth;
using Accountability.Api.Commands;
using Accountability.Api.Features.Complaints.Caching;
using Accountability.Api.Features.Complaints.List;
using Accountability.Api.Features.Complaints.Writing;
using Accountability.Api.Features.Complaints;
using Accountability.Api.Features.Dashboard;
using Accountability.Api.Features.Deadlines;
using Accountability.Api.Features.Imports;
using Accountability.Api.Features.Pages;
using Accountability.Api.Features.Parties;
using Accountability.Api.Features.Policies;
using Accountability.Api.Features.RecurringProblems;
using Accountability.Api.Features.Scorecards;
using Accountability.Api.Features.Standing;
using Accountability.Api.Features.SetAside;
using Accountability.Api.Features.Statements;
using Accountability.Api.Features.StatusPage;
using Accountability.Api.Features.Webhooks;
using Accountability.Api.Health;
using Accountability.Api.Http;
using Accountability.Api.Persistence;
using Accountability.Api.Telemetry;
using FastEndpoints;
using FluentValidation;
using Marten;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;

namespace Accountability.Api.Setup;

public static class ServiceSetup
{
    public const string ConnectionStringName = "Accountability";
    public const string ConnectionStringVariable = "ACCOUNTABILITY_DB";

    public static WebApplicationBuilder AddAccountability(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var options = new SettingsBinder(builder.Configuration, services);
        var settings = options.Bind<AccountabilityOptions>();
        var store = options.Bind<EventStoreOptions>();
        options.Bind<ApiKeyOptions>();
        options.Bind<ComplaintOptions>();
        options.Bind<DeadlineOptions>();
        options.Bind<StandingOptions>();
        options.Bind<WebhookOptions>();
        var publicAddress = options.Bind<PublicAddressOptions>();
        options.ThrowIfAnyIsWrong();
        StartupChecks.RequirePublicAddress(publicAddress, builder.Environment);
        var connectionString = StartupChecks.ConnectionString(builder.Configuration);
        StartupChecks.CheckGroupConnectionStrings(store);

        builder.AddTelemetry();
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = settings.MaxRequestBodyBytes);
        services.AddSingleton(TimeProvider.System);
        services.AddHttpContextAccessor();
        services.AddMemoryCache();

        services.AddEventStore(connectionString, store);
        services.AddSetAsideEvents();
        services.AddScorecards();
        services.AddStanding();
        services.AddCommands();
        services.AddWriteContextCache();
        services.AddComplaintWriter();
        services.AddComplaintList();
        services.AddHealth();

        services.AddDeadlines();
        services.AddWebhookOutbox();
        services.AddStatements();
        services.AddSingleton<HistoryImporter>();
        services.ConfigureMarten(opts => opts.AddImports());
        services.AddSingleton<IHostResolver, DnsHostResolver>();
        services.AddSingleton<TargetGuard>();
        services.AddSingleton<DeliveryTable>();
        services.AddSingleton<ISetAsideRetry, ScorecardRetry>();
        services.AddSingleton<ISetAsideRetry>(p => p.GetRequiredService<RecurringProblemDetector>());
        services.AddHostedService<WebhookDispatcher>();
        services.AddHttpClient(WebhookDispatcher.ClientName, (provider, client) =>
                client.Timeout = TimeSpan.FromSeconds(provider.GetRequiredService<IOptions<WebhookOptions>>().Value.WebhookTimeoutSeconds))
            .ConfigurePrimaryHttpMessageHandler(provider => provider.GetRequiredService<TargetGuard>().Handler());
        // The status pages before the recurring problems: inline projections run in the order added (complaint, status page, problem).
        services.AddStatusPages();
        services.AddRecurringProblems();
        services.AddParties();
        services.AddPolicies();
        services.AddDashboard();
        services.AddApiKeys();
        services.AddSingleton<Features.ApiKeys.ApiKeyMint>();
        services.AddAuthentication(CallerScheme.Name)
            .AddPolicyScheme(CallerScheme.Name, null, o => o.ForwardDefaultSelector = CallerScheme.For)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
        services.AddAuthorization();
        services.AddClientAddresses(settings);
        services.AddRateLimits();

        services.AddFastEndpoints();
        ValidatorOptions.Global.DisplayNameResolver = (_, member, _) => member is null ? null : ValidationProblems.FieldName(member.Name);
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(allowIntegerValues: false)));
        services.AddEndpointsApiExplorer();
        services.AddSwaggerGen(OpenApiDocument.Configure);
        return builder;
    }
}
