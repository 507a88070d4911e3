using FastEndpoints;

namespace Accountability.Api.Http;

/// <summary>What the OpenAPI document says of an operation: a short summary, a description and an example request body.</summary>
public sealed record OperationText(string Summary, string Description, object? Example = null)
{
    public void Apply(EndpointSummary summary)
    {
        summary.Summary = Summary;
        summary.Description = Description;
        if (Example is not null)
            summary.ExampleRequest = Example;
    }
}
