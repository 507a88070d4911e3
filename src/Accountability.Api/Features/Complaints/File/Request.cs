using Accountability.Api.Features.Parties;
using Accountability.Domain.Complaints;
using Accountability.Api.Http;
using FastEndpoints;
using FluentValidation;

namespace Accountability.Api.Features.Complaints.File;

/// <param name="CustomerReference">The store's own reference for the customer (never personal data).</param>
/// <param name="Product">The product or listing the complaint is about.</param>
/// <param name="VendorId">The vendor that makes the product.</param>
/// <param name="Severity">How urgent it is (default Medium): it sets the holders' deadlines.</param>
/// <param name="Category">What kind of trouble it is, in the store's own words (crash, billing, delivery...): recurring problems are grouped by product and category.</param>
/// <param name="Description">What the customer reports, as they put it.</param>
/// <param name="Channel">How the customer reached the store.</param>
/// <param name="Claim">What is at stake: the order's price, an amount and an ISO 4217 currency code; left out, the policy's defaultClaim (if any) applies.</param>
public sealed record Request(
    string CustomerReference,
    string Product,
    string VendorId,
    string Category,
    string Description,
    Channel? Channel,
    Domain.Rules.Severity? Severity = null,
    Http.MoneyInput? Claim = null)
{
    public sealed class Validator : Validator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.CustomerReference).NotEmpty().MaximumLength(200);
            RuleFor(r => r.Product).NotEmpty().MaximumLength(200);
            RuleFor(r => r.VendorId).PartyId();
            RuleFor(r => r.Category).NotEmpty().MaximumLength(100);
            RuleFor(r => r.Description).NotEmpty().MaximumLength(8000);
            RuleFor(r => r.Channel).NotNull().IsInEnum();
            RuleFor(r => r.Severity).IsInEnum();
            RuleFor(r => r.Claim).ValidMoney();
        }
    }
}
