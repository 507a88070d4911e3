using Accountability.Domain.Decisions;

namespace Accountability.Api.Features.StatusPage.Answer;

public sealed class Endpoint : CustomerFormEndpoint
{
    protected override string Action => "answer";

    protected override string Purpose => "The customer answers the holder's request for information.";

    protected override IEnumerable<(string Field, int MaxLength)> FreeText => [("answer", CustomerInput.MaxLength)];

    protected override (string Field, string Reason)? Invalid(IFormCollection form) =>
        Optional(form, "answer") is null ? ("answer", StatusText.Get("Answer_Label")) : null;

    protected override IComplaintCommand Command(IFormCollection form) => new AnswerAsCustomer(Optional(form, "answer")!);
}
