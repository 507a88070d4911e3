using Accountability.Api.Auth;
using Accountability.Api.Http;
using Accountability.Domain.Times;
using FastEndpoints;
using Marten;

namespace Accountability.Api.Features.Policies.WhatIf;

/// <summary>Replays stored history through a candidate policy, reading only: nothing is written.</summary>
public sealed class Endpoint(IQuerySession session, TimeProvider clock) : Endpoint<Request, Response>
{
    public override void Configure()
    {
        Post("policy/what-if");
        Roles(KeyClaims.Operator);
        Summary(new OperationText("Try a candidate policy on past complaints",
            "What a candidate policy would have flagged on the complaints filed in a time range, next to what the policy in force flagged. Writes nothing.",
            new Request(Replace.Request.From(Domain.Rules.Policy.Default), new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero), null)).Apply);
        Description(d => d.ProducesProblems(400, 401, 403));
    }

    public override async Task HandleAsync(Request r, CancellationToken ct) =>
        await Send.OkAsync(await PolicyReplay.RunAsync(session, r.Candidate, FilterTime.Clamp(r.From!.Value), FilterTime.Clamp(r.To!.Value), Request.MaxComplaints, clock.GetUtcNow(), ct), ct);
}
