using System.Threading.Channels;

namespace Accountability.Api.Background;

/// <summary>
/// Asks a polling background loop for a pass now instead of at its next poll, and tells the caller when a pass that
/// began after the request has finished, so a caller never waits out a poll interval to learn that nothing was due.
/// </summary>
public sealed class PassRequests
{
    private readonly Channel<TaskCompletionSource> pending = Channel.CreateUnbounded<TaskCompletionSource>();

    /// <summary>Completes when a pass that began after this call has finished; faults if that pass failed.</summary>
    public Task RequestAsync()
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        pending.Writer.TryWrite(done);
        return done.Task;
    }

    /// <summary>The requests that the pass beginning now answers.</summary>
    public IReadOnlyList<TaskCompletionSource> Take()
    {
        var taken = new List<TaskCompletionSource>();
        while (pending.Reader.TryRead(out var request))
            taken.Add(request);
        return taken;
    }

    /// <summary>Waits until the poll interval ends or a pass is requested.</summary>
    public async Task WaitAsync(TimeSpan interval, CancellationToken ct)
    {
        using var timer = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timer.CancelAfter(interval);
        try
        {
            await pending.Reader.WaitToReadAsync(timer.Token);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
        }
    }

    public static void Answer(IEnumerable<TaskCompletionSource> requests, Exception? failure = null)
    {
        foreach (var request in requests)
        {
            if (failure is null) request.TrySetResult();
            else request.TrySetException(failure);
        }
    }
}
