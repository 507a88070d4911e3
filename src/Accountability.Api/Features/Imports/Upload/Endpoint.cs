using System.Text;
using Accountability.Api.Auth;
using Accountability.Api.Http;
using FastEndpoints;
using Microsoft.AspNetCore.Mvc;

namespace Accountability.Api.Features.Imports.Upload;

public sealed class Endpoint(HistoryImporter importer) : Endpoint<Request, ImportReport>
{
    public override void Configure()
    {
        Post("imports");
        Roles(KeyClaims.Operator);
        Options(b => b.WithMetadata(new RequestSizeLimitAttribute(Request.MaxBytes)));
        Summary(new OperationText("Import an event log",
            "Imports an event log (CSV or JSON Lines, with a mapping): each case becomes a complaint judged by the rules. Importing the same cases again changes nothing.",
            new Request("servicenow-2025", new ImportMapping("number", "sys_updated_at", "assignment_group"), Csv: "number,sys_updated_at,assignment_group\nINC001,2025-03-01T09:00:00Z,store\nINC001,2025-03-01T10:30:00Z,acme-apps\n")).Apply);
        Description(d => d.ProducesProblems(400, 401, 403, 409, 413));
    }

    public override async Task HandleAsync(Request r, CancellationToken ct)
    {
        try
        {
            using var log = new MemoryStream(Encoding.UTF8.GetBytes(r.Log));
            await Send.OkAsync(await importer.ImportAsync(User.TenantId(), r.Source, log, r.Mapping, new ImportOptions(Replace: r.Replace == true), progress: null, ct), ct);
        }
        catch (HeaderMismatchException bad)
        {
            var errors = bad.Problems.ToDictionary(p => p.Key, p => new[] { p.Value });
            errors[r.LogMember] = [r.Mapping.IsJsonLines ? $"The first line lacks members the mapping names: {bad.Message}"
                : $"The header row lacks columns the mapping names: {bad.Message}"];
            throw new ProblemException(ProblemKind.Validation, bad.Message, errors);
        }
        catch (InvalidImportMappingException bad)
        {
            throw new ProblemException(ProblemKind.Validation, bad.Message, bad.Problems.ToDictionary(p => p.Key, p => new[] { p.Value }));
        }
        catch (ImportRefusedException refused)
        {
            throw new ProblemException(ProblemKind.AlreadyExists, refused.Message, new Dictionary<string, string[]> { ["mapping"] = [refused.Message] });
        }
        catch (UnreadableLogException bad)
        {
            throw new ProblemException(ProblemKind.Validation, bad.Message, new Dictionary<string, string[]> { [r.LogMember] = [bad.Message] });
        }
    }
}
