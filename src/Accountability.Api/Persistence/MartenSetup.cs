using Accountability.Api.Telemetry;
using Accountability.Domain.Complaints;
using JasperFx.Events.Daemon;
using JasperFx.Events.Projections;
using JasperFx.Events;
using JasperFx.MultiTenancy;
using JasperFx.OpenTelemetry;
using JasperFx;
using Marten;
using Weasel.Core;

namespace Accountability.Api.Persistence;

public static class MartenSetup
{
    /// <summary>
    /// The event store: every tenant in one database, each row tagged with its tenant (conjoined tenancy), or with
    /// TenantDatabases set, the same tables in a database per group of tenants beside the master (decision 0049). Each feature
    /// registers its own documents, projections and tables (<c>ConfigureMarten</c>), applied after these in the order
    /// the features are added.
    /// </summary>
    public static IServiceCollection AddEventStore(this IServiceCollection services, string connectionString, EventStoreOptions settings)
    {
        var marten = services.AddMarten(opts =>
        {
            UseDatabases(opts, connectionString, settings.TenantDatabases);
            opts.DatabaseSchemaName = settings.Schema;
            opts.AutoCreateSchemaObjects = settings.ApplySchemaOnStartup ? AutoCreate.CreateOrUpdate : AutoCreate.None;
            // Nodes starting together on one schema take turns applying it; the others wait for the first to finish, which
            // takes longer than Marten's 10 s on a loaded machine (a node that gave up would not start).
            opts.ApplyChangesLockTimeout = TimeSpan.FromSeconds(90);
            opts.UseSystemTextJsonForSerialization(EnumStorage.AsString, Casing.CamelCase);

            opts.Events.TenancyStyle = TenancyStyle.Conjoined;
            opts.Events.StreamIdentity = StreamIdentity.AsGuid;
            opts.Events.AppendMode = EventAppendMode.Quick;
            // A write preloads the documents its inline projections update (see ActOnComplaintHandler): they come
            // from the session's identity map instead of one more query on a connection of their own.
            opts.Events.UseIdentityMapForAggregates = true;
            opts.Events.MetadataConfig.CorrelationIdEnabled = true;
            opts.Events.MetadataConfig.HeadersEnabled = true;
            opts.Events.MetadataConfig.UserNameEnabled = true;
            opts.Projections.Add<ComplaintProjection>(ProjectionLifecycle.Inline);
            opts.Listeners.Add(new CommittedEvents());
            opts.Projections.LeadershipPollingTime = (int)(settings.ProjectionLeaderPollSeconds * 1000);
            opts.OpenTelemetry.TrackConnections = TrackLevel.Normal;
            opts.OpenTelemetry.TrackEventCounters();

            opts.Schema.For<Complaint>().MultiTenanted()
                .Duplicate(c => c.Status).Duplicate(c => c.Holder).Duplicate(c => c.VendorId)
                .Duplicate(c => c.Product).Duplicate(c => c.FiledAt);
            ComplaintIndexes.Define(opts);
            ComplaintListTable.Define(opts);
            opts.Schema.For<Tenant>().SingleTenanted();
            opts.Schema.For<DataProtectionKey>().SingleTenanted();
        }).BuildSessionsWith<TenantSessionFactory>()
            // HotCold: any number of workers run the daemon; per projection or subscription, the one holding its advisory lock
            // runs it, and another takes the lock over when that node's connection dies (docs/decisions/0029).
            .AddAsyncDaemon(settings.RunProjectionDaemon ? DaemonMode.HotCold : DaemonMode.Disabled);

        // Plain SQL beside Marten (the webhook outbox, clocks, statements, scorecards) gets pools of its own (see TenantDatabases).
        services.AddSingleton(_ => new TenantDatabases(connectionString, settings.TenantDatabases));
        services.AddSingleton(s => s.GetRequiredService<TenantDatabases>().Master);
        if (settings.ApplySchemaOnStartup)
            marten.ApplyAllDatabaseChangesOnStartup();
        return services;
    }

    /// <summary>
    /// The one switch between one database and several: the master (the main connection string) is the default tenant's
    /// database, so the registry, keys and sessions, which sessions without a tenant read and write, live there; each
    /// group's marketplaces live in the group's database. Marten's static tenancy knows every marketplace from the
    /// settings: a marketplace in no group cannot be used while groups are set.
    /// </summary>
    private static void UseDatabases(StoreOptions opts, string connectionString, IReadOnlyList<TenantDatabaseGroup> groups)
    {
        if (groups.Count == 0)
        {
            opts.Connection(connectionString);
            return;
        }
        opts.MultiTenantedDatabases(databases =>
        {
            databases.AddMultipleTenantDatabase(connectionString, TenantDatabaseGroup.MasterName).ForTenants().AsDefault();
            foreach (var group in groups)
                databases.AddMultipleTenantDatabase(group.ConnectionString, group.Name).ForTenants([.. group.Tenants]);
        });
        // Marten turns the default tenant off with several databases; here it is the master's, where the registry lives.
        opts.Advanced.DefaultTenantUsageEnabled = true;
    }
}
