namespace Accountability.Api.Http;

public static class OpenApiProblems
{
    /// <summary>Documents the problem+json answers an endpoint can give.</summary>
    public static RouteHandlerBuilder ProducesProblems(this RouteHandlerBuilder builder, params int[] statuses)
    {
        foreach (var status in statuses)
            builder.Produces<ProblemResponse>(status, ProblemResponse.ContentType);
        return builder;
    }
}
