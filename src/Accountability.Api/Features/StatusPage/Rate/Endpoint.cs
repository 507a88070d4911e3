using Accountability.Domain.Decisions;

namespace Accountability.Api.Features.StatusPage.Rate;

public sealed class Endpoint : CustomerFormEndpoint
{
    protected override string Action => "rating";

    protected override string Purpose => "The customer rates the handling of a resolved complaint, 1 to 5, with an optional comment.";

    protected override IEnumerable<(string Field, int MaxLength)> FreeText => [("comment", CustomerInput.MaxLength)];

    protected override (string Field, string Reason)? Invalid(IFormCollection form) =>
        Stars(form) is null ? ("stars", StatusText.Get("Rate_Worst")) : null;

    protected override IComplaintCommand Command(IFormCollection form) => new RateHandling(Stars(form)!.Value, Optional(form, "comment"));

    private static int? Stars(IFormCollection form) => form["stars"].ToString() is [var digit and >= '1' and <= '5'] ? digit - '0' : null;
}
