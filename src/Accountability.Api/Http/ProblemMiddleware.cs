using System.Net.Sockets;
using Accountability.Api.Telemetry;
using Microsoft.AspNetCore.Http.Metadata;
using Npgsql;

namespace Accountability.Api.Http;

/// <summary>Turns every failure, and every bodiless error status, into problem+json.</summary>
public sealed class ProblemMiddleware(RequestDelegate next, ILogger<ProblemMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext http)
    {
        // FastEndpoints answers a request without a Content-Type, to an endpoint that takes a body, with a bare 415 it
        // has already started (so it cannot be rewritten afterwards): refuse it first.
        if (string.IsNullOrEmpty(http.Request.ContentType) && (http.Request.ContentLength > 0 || TakesABody(http)))
        {
            await WriteAsync(http, ProblemException.Naming(ProblemKind.UnsupportedMediaType, "Content-Type", "The request has no Content-Type: send the body as application/json."));
            return;
        }
        try
        {
            await next(http);
            if (http.Response is { StatusCode: >= 400, HasStarted: false, ContentLength: null, ContentType: null })
                await WriteAsync(http, ForStatus(http.Response.StatusCode));
        }
        catch (ProblemException problem) when (!http.Response.HasStarted)
        {
            await WriteAsync(http, problem);
        }
        catch (BadHttpRequestException bad) when (!http.Response.HasStarted)
        {
            var kind = bad.StatusCode == StatusCodes.Status413PayloadTooLarge ? ProblemKind.PayloadTooLarge : ProblemKind.MalformedRequest;
            await WriteAsync(http, ProblemException.Naming(kind, ValidationProblems.Body, bad.Message));
        }
        catch (Exception ex) when (!http.Response.HasStarted && IsDatabaseUnreachable(ex))
        {
            logger.LogWarning(ex, "Database unreachable while serving {Route}", RequestLog.Route(http));
            await ProblemResponse.WriteAsync(http, ProblemKind.ServiceUnavailable, null);
        }
        catch (Exception ex) when (!http.Response.HasStarted && !http.RequestAborted.IsCancellationRequested)
        {
            logger.LogError(ex, "Unhandled error serving {Method} {Route}", http.Request.Method, RequestLog.Route(http));
            await ProblemResponse.WriteAsync(http, ProblemKind.Unexpected, null);
        }
    }

    private static bool TakesABody(HttpContext http) =>
        http.GetEndpoint()?.Metadata.GetMetadata<IAcceptsMetadata>() is { } accepts && !accepts.ContentTypes.Contains("*/*");

    /// <summary>A bare status from routing or the framework; a 415 names the header at fault.</summary>
    private static ProblemException ForStatus(int status) => status == StatusCodes.Status415UnsupportedMediaType
        ? ProblemException.Naming(ProblemKind.UnsupportedMediaType, "Content-Type", "Send the body as application/json.")
        : new ProblemException(KindForStatus(status), "");

    private static Task WriteAsync(HttpContext http, ProblemException problem) =>
        ProblemResponse.WriteAsync(http, problem.Kind, problem.Message.Length == 0 ? null : problem.Message, problem.Errors);

    private static ProblemKind KindForStatus(int status) => status switch
    {
        400 => ProblemKind.MalformedRequest,
        401 => ProblemKind.Unauthenticated,
        403 => ProblemKind.Forbidden,
        404 => ProblemKind.NotFound,
        405 => ProblemKind.MethodNotAllowed,
        413 => ProblemKind.PayloadTooLarge,
        415 => ProblemKind.UnsupportedMediaType,
        503 => ProblemKind.ServiceUnavailable,
        _ => new ProblemKind($"http-{status}", status, "The request failed."),
    };

    private static bool IsDatabaseUnreachable(Exception ex)
    {
        for (var e = ex; e is not null; e = e.InnerException)
        {
            if (e is SocketException or TimeoutException || e is NpgsqlException { IsTransient: true })
                return true;
        }
        return false;
    }
}
