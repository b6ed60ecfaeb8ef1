using Isl.Dicom.Network.Dimse;
using Isl.Dicom.Network.Logging;
using Isl.Dicom.Network.Pdus;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Isl.Dicom.Network.Client;

/// <summary>The C-ECHO/C-STORE SCU: sends many instances over one association, with a result per instance and retries for transient failures.</summary>
public sealed class DicomClient
{
    private const int MaxContextsPerAssociation = 127;
    private static readonly string[] Uncompressed = [DicomTransferSyntax.ExplicitVRLittleEndian.Uid, DicomTransferSyntax.ImplicitVRLittleEndian.Uid];
    private readonly DicomClientOptions _options;
    private readonly ILogger _logger;

    /// <summary>Creates a client for one peer.</summary>
    public DicomClient(DicomClientOptions options, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _logger = logger ?? NullLogger.Instance;
    }

    /// <summary>Sends C-ECHO and returns the peer's status.</summary>
    /// <exception cref="DicomNetworkException">The association failed (rejected, aborted, protocol error) after the retries.</exception>
    /// <exception cref="TimeoutException">The peer did not answer in time after the retries.</exception>
    public async Task<ushort> EchoAsync(CancellationToken cancellationToken = default)
    {
        var contexts = new[] { new PresentationContextProposal(1, CEchoRequest.VerificationSopClassUid, Uncompressed) };
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var association = await ScuAssociation.OpenAsync(_options, contexts, cancellationToken).ConfigureAwait(false);
                if (!association.Accept.PresentationContexts.Any(c => c.Id == 1 && c.IsAccepted))
                {
                    await association.ReleaseAsync(cancellationToken).ConfigureAwait(false);
                    throw new DicomNetworkException($"{_options.CalledAeTitle} does not accept the Verification SOP class.");
                }

                var response = await association.RequestAsync(1, new CEchoRequest { MessageId = association.NextMessageId() }, null, 0, cancellationToken).ConfigureAwait(false);
                await association.ReleaseAsync(cancellationToken).ConfigureAwait(false);
                return response.Status;
            }
            catch (Exception ex) when (DicomRetryPolicy.IsTransient(ex) && attempt < _options.RetryPolicy.MaxAttempts)
            {
                await WaitBeforeRetryAsync(attempt + 1, ex, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Sends the items by C-STORE and returns one result per item, in input order; never throws for a peer's refusal.</summary>
    public async Task<IReadOnlyList<StoreResult>> StoreAsync(IEnumerable<StoreItem> items, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(items);
        var list = items.ToList();
        var results = new StoreResult?[list.Count];
        for (var i = 0; i < list.Count; i++)
        {
            try
            {
                list[i].Prepare();
            }
            catch (Exception ex) when (ex is DicomException or IOException or UnauthorizedAccessException)
            {
                results[i] = new StoreResult(list[i].Source, null, null, $"not a readable DICOM file: {ex.Message}");
            }
        }

        for (var attempt = 1; ; attempt++)
        {
            var pending = Enumerable.Range(0, list.Count).Where(i => results[i] is null).ToList();
            if (pending.Count == 0)
            {
                break;
            }

            try
            {
                foreach (var batch in Batches(pending, list))
                {
                    await StoreBatchAsync(batch, list, results, cancellationToken).ConfigureAwait(false);
                }
            }
            catch (Exception ex) when (DicomRetryPolicy.IsTransient(ex) || ex is DicomNetworkException)
            {
                if (!DicomRetryPolicy.IsTransient(ex) || attempt >= _options.RetryPolicy.MaxAttempts)
                {
                    foreach (var i in Enumerable.Range(0, list.Count).Where(i => results[i] is null))
                    {
                        results[i] = new StoreResult(list[i].Source, list[i].SopInstanceUid, null, $"{ex.GetType().Name}: {ex.Message}");
                    }

                    break;
                }

                await WaitBeforeRetryAsync(attempt + 1, ex, cancellationToken).ConfigureAwait(false);
            }
        }

        return results.Select(r => r!).ToList();
    }

    private static IEnumerable<List<int>> Batches(List<int> pending, List<StoreItem> items)
    {
        var batch = new List<int>();
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var i in pending)
        {
            var item = items[i];
            var needed = new[] { $"{item.SopClassUid}|{item.TransferSyntax!.Uid}", $"{item.SopClassUid}|*" }.Where(k => !keys.Contains(k)).ToList();
            if (keys.Count + needed.Count > MaxContextsPerAssociation)
            {
                yield return batch;
                batch = [];
                keys.Clear();
                needed = [$"{item.SopClassUid}|{item.TransferSyntax!.Uid}", $"{item.SopClassUid}|*"];
            }

            keys.UnionWith(needed);
            batch.Add(i);
        }

        if (batch.Count > 0)
        {
            yield return batch;
        }
    }

    private async Task StoreBatchAsync(List<int> batch, List<StoreItem> items, StoreResult?[] results, CancellationToken cancellationToken)
    {
        var proposals = new List<PresentationContextProposal>();
        var exact = new Dictionary<string, byte>(StringComparer.Ordinal);
        var fallback = new Dictionary<string, byte>(StringComparer.Ordinal);
        foreach (var item in batch.Select(i => items[i]))
        {
            var key = $"{item.SopClassUid}|{item.TransferSyntax!.Uid}";
            if (!exact.ContainsKey(key))
            {
                exact[key] = (byte)(proposals.Count * 2 + 1);
                proposals.Add(new PresentationContextProposal(exact[key], item.SopClassUid!, [item.TransferSyntax.Uid]));
            }

            if (!fallback.ContainsKey(item.SopClassUid!))
            {
                fallback[item.SopClassUid!] = (byte)(proposals.Count * 2 + 1);
                proposals.Add(new PresentationContextProposal(fallback[item.SopClassUid!], item.SopClassUid!, Uncompressed));
            }
        }

        await using var association = await ScuAssociation.OpenAsync(_options, proposals, cancellationToken).ConfigureAwait(false);
        var accepted = association.Accept.PresentationContexts.Where(c => c.IsAccepted).ToDictionary(c => c.Id);
        NetworkLog.ScuAssociated(_logger, _options.CalledAeTitle, _options.Host, _options.Port, accepted.Count);
        foreach (var i in batch)
        {
            var item = items[i];
            var context = accepted.GetValueOrDefault(exact[$"{item.SopClassUid}|{item.TransferSyntax!.Uid}"])
                ?? accepted.GetValueOrDefault(fallback[item.SopClassUid!]);
            if (context is null)
            {
                var answer = association.Accept.PresentationContexts.FirstOrDefault(c => c.Id == fallback[item.SopClassUid!]);
                results[i] = new StoreResult(item.Source, item.SopInstanceUid, null, $"the peer accepted no presentation context for SOP class {item.SopClassUid} ({answer?.Result.ToString() ?? "no answer"})");
                continue;
            }

            Stream stream;
            long length;
            try
            {
                (stream, length) = item.OpenDataset(DicomTransferSyntax.Lookup(context.TransferSyntax));
            }
            catch (Exception ex) when (ex is DicomException or IOException or UnauthorizedAccessException)
            {
                results[i] = new StoreResult(item.Source, item.SopInstanceUid, null, ex.Message);
                continue;
            }

            await using (stream.ConfigureAwait(false))
            {
                var request = new CStoreRequest { MessageId = association.NextMessageId(), SopClassUid = item.SopClassUid!, SopInstanceUid = item.SopInstanceUid! };
                var response = await association.RequestAsync(context.Id, request, stream, length, cancellationToken).ConfigureAwait(false);
                results[i] = new StoreResult(item.Source, item.SopInstanceUid, response.Status, DimseStatus.IsFailure(response.Status) ? $"{DimseStatus.Describe(response.Status)}{(response.ErrorComment is null ? "" : ": " + response.ErrorComment)}" : null);
            }
        }

        await association.ReleaseAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task WaitBeforeRetryAsync(int attempt, Exception ex, CancellationToken cancellationToken)
    {
        var delay = _options.RetryPolicy.DelayBefore(attempt);
        NetworkLog.ScuRetry(_logger, attempt - 1, _options.CalledAeTitle, _options.Host, _options.Port, ex.Message, delay.TotalMilliseconds);
        await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
    }
}
