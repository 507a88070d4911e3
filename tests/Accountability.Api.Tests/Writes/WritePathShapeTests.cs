using System.Text.RegularExpressions;
using Accountability.Api.Commands;
using Accountability.Api.Features.Complaints.Writing;
using Accountability.Api.Tests.OpenApi;
using MediatR;

namespace Accountability.Api.Tests.Writes;

/// <summary>
/// The write path keeps its shape: commands are data, one class fetches and appends, and what follows a write registers
/// itself rather than being named by the writer. (No service needed: these read the assembly and the sources.)
/// </summary>
[Category("api")]
public sealed partial class WritePathShapeTests
{
    private static readonly string Service = Path.Combine(OpenApiDocumentTests.RepositoryRoot(), "src", "Accountability.Api");
    private static readonly string Features = Path.Combine(Service, "Features");

    [Test]
    public void Every_request_sent_through_MediatR_holds_data_and_no_code()
    {
        var requests = typeof(ICommand).Assembly.GetTypes().Where(t => typeof(IBaseRequest).IsAssignableFrom(t) && !t.IsInterface).ToList();
        var carryingCode = requests
            .SelectMany(t => t.GetProperties().Where(p => typeof(Delegate).IsAssignableFrom(p.PropertyType)).Select(p => $"{t.Name}.{p.Name}"));

        Assert.That(requests, Is.Not.Empty);
        Assert.That(carryingCode, Is.Empty);
    }

    [Test]
    public void The_transaction_behaviour_writes_no_HTTP_header()
    {
        var needs = typeof(CommandTransactionBehavior<,>).GetConstructors().SelectMany(c => c.GetParameters()).Select(p => p.ParameterType);
        Assert.That(needs.Select(t => t.Name), Has.None.EqualTo("IHttpContextAccessor"));
    }

    [Test]
    public void Only_the_stream_write_fetches_for_writing_starts_appends_to_or_copies_a_stream()
    {
        // The re-judging's own appends and the detector's problems are outside the commands' path, by design (docs/write-path.md).
        string[] outside = [Path.Combine("Features", "Policies", "Rejudge"), Path.Combine("Features", "RecurringProblems", "RecurringProblemDetector.cs")];
        var writers = Directory.EnumerateFiles(Service, "*.cs", SearchOption.AllDirectories)
            .Where(f => !outside.Any(o => Path.GetRelativePath(Service, f).StartsWith(o, StringComparison.Ordinal)))
            .Where(f => StreamCalls().IsMatch(File.ReadAllText(f)))
            .Select(f => Path.GetRelativePath(Service, f));

        // One class for both modes of the store write: one stream at a time (commands) and batched, by COPY (the import).
        Assert.That(writers, Is.EqualTo(new[] { Path.Combine("Commands", "StreamWrite.cs") }), "a stream is written through Commands/StreamWrite");
    }

    [Test]
    public void The_import_writes_through_the_complaint_writers_batched_mode_and_names_no_reaction()
    {
        var imports = Directory.EnumerateFiles(Path.Combine(Features, "Imports"), "*.cs", SearchOption.AllDirectories).Select(File.ReadAllText).ToList();

        Assert.That(imports.Any(source => source.Contains("writer.Batch(", StringComparison.Ordinal)), Is.True);
        Assert.That(imports.Where(source => ReactionWrites().IsMatch(source)), Is.Empty, "what follows a write is the reactions'");
    }

    [Test]
    public void The_complaint_write_names_none_of_the_features_that_react_to_it()
    {
        // The write context's cache still holds the tenant's webhook endpoints (WriteContext, Caching/ContextChanges).
        string[] holdingEndpoints = ["WriteContext.cs", Path.Combine("Caching", "ContextChanges.cs")];
        var complaints = Path.Combine(Features, "Complaints");
        var naming = Directory.EnumerateFiles(complaints, "*.cs", SearchOption.AllDirectories)
            .Where(f => !holdingEndpoints.Contains(Path.GetRelativePath(complaints, f)))
            .Where(f => ReactingFeature().IsMatch(File.ReadAllText(f)))
            .Select(f => Path.GetRelativePath(complaints, f));

        Assert.That(naming, Is.Empty);
        Assert.That(typeof(IComplaintWriteReaction).Assembly.GetTypes().Where(t => typeof(IComplaintWriteReaction).IsAssignableFrom(t) && !t.IsInterface)
            .Select(t => t.Namespace), Is.EquivalentTo(new[]
            {
                "Accountability.Api.Features.Deadlines", "Accountability.Api.Features.Webhooks", "Accountability.Api.Features.StatusPage",
                "Accountability.Api.Features.Complaints.List", "Accountability.Api.Features.Statements",
            }));
    }

    [GeneratedRegex(@"FetchForWriting|StartStream|AppendMany|Events\.Append\(|COPY \S*mt_(streams|events)\b")]
    private static partial Regex StreamCalls();

    [GeneratedRegex(@"DeadlineTable\.Write|ComplaintListTable\.Write|WebhookOutbox|StatusPageDocument\(")]
    private static partial Regex ReactionWrites();

    [GeneratedRegex(@"Accountability\.Api\.Features\.(Deadlines|Webhooks|StatusPage)\b|Features\.(Deadlines|Webhooks|StatusPage)\.")]
    private static partial Regex ReactingFeature();
}
