using Accountability.Api.Http;
using Accountability.Api.Auth;
using JasperFx;
using Marten;

namespace Accountability.Api.Persistence;

/// <summary>
/// Opens every session on the caller's tenant, so no query can reach another marketplace's data,
/// and stamps who acted and the correlation id on every event it writes.
/// </summary>
public sealed class TenantSessionFactory(IDocumentStore store, IHttpContextAccessor accessor) : ISessionFactory
{
    public IQuerySession QuerySession() => store.QuerySession(TenantOf(accessor.HttpContext));

    public IDocumentSession OpenSession()
    {
        var http = accessor.HttpContext;
        var session = store.IdentitySession(TenantOf(http));
        if (http is null)
            return session;
        session.CorrelationId = CorrelationId.Of(http);
        session.LastModifiedBy = http.User.PartyId();
        session.SetHeader("api_key_id", http.User.KeyIdOf());
        return session;
    }

    private static string TenantOf(HttpContext? http) =>
        http?.User.TenantId() is { Length: > 0 } tenant ? tenant : StorageConstants.DefaultTenantId;
}
