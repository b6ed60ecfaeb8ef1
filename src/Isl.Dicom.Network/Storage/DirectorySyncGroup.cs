using System.Collections.Concurrent;

namespace Isl.Dicom.Network.Storage;

/// <summary>
/// Group commit of directory fsyncs: callers that renamed a file into a directory ask for a sync that starts after
/// their rename; while one sync of the directory runs, every caller that arrives meanwhile is served by the single
/// next sync. Concurrent associations filing into one series folder thus share directory fsyncs, and each caller
/// still returns only once a sync that began after its rename has finished.
/// </summary>
internal sealed class DirectorySyncGroup
{
    private readonly ConcurrentDictionary<string, Gate> _gates = new(StringComparer.Ordinal);

    /// <summary>Returns once <paramref name="directory"/> was fsynced by a sync that started after this call.</summary>
    /// <exception cref="IOException">The sync failed.</exception>
    public Task SyncAsync(string directory)
    {
        while (true)
        {
            var gate = _gates.GetOrAdd(directory, d => new Gate(d, this));
            if (gate.TryEnqueue(out var done))
            {
                return done;
            }
        }
    }

    private sealed class Gate(string directory, DirectorySyncGroup owner)
    {
        private readonly object _lock = new();
        private List<TaskCompletionSource> _waiting = [];
        private bool _running;
        private bool _retired;

        public bool TryEnqueue(out Task done)
        {
            var waiter = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            bool lead;
            lock (_lock)
            {
                if (_retired)
                {
                    done = Task.CompletedTask;
                    return false;
                }

                _waiting.Add(waiter);
                lead = !_running;
                _running = true;
            }

            if (lead)
            {
                // No sync was running: this caller syncs its own batch; those arriving meanwhile get the next one, on the pool.
                Drain(once: true);
            }

            done = waiter.Task;
            return true;
        }

        private void Drain(bool once)
        {
            for (var synced = 0; ; synced++)
            {
                List<TaskCompletionSource> batch;
                lock (_lock)
                {
                    if (_waiting.Count == 0)
                    {
                        _running = false;
                        _retired = true;
                        owner._gates.TryRemove(new KeyValuePair<string, Gate>(directory, this));
                        return;
                    }

                    if (once && synced > 0)
                    {
                        _ = Task.Run(() => Drain(once: false));
                        return;
                    }

                    (batch, _waiting) = (_waiting, []);
                }

                // Every waiter in the batch enqueued (after its rename) before this sync starts.
                try
                {
                    Durability.SyncDirectory(directory);
                    batch.ForEach(w => w.SetResult());
                }
                catch (Exception ex)
                {
                    batch.ForEach(w => w.SetException(ex));
                }
            }
        }
    }
}
