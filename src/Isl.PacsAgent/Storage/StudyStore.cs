using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;

namespace Isl.PacsAgent.Storage;

/// <summary>
/// The per-study state machine and the instance catalogue, persisted in <see cref="AgentDatabase"/> so
/// that every state survives a restart. Moves the state machine does not allow throw
/// <see cref="InvalidStudyTransitionException"/>; results of a revision that a late instance made stale are ignored.
/// </summary>
public sealed class StudyStore(AgentDatabase database, TimeProvider time)
{
    private readonly object arrivalsLock = new();

    // Series the agent produced: read from the database once, then kept here (this store is their only writer), so the
    // per-instance check on the ingest path costs no database round trip.
    private readonly Lazy<ConcurrentDictionary<string, byte>> ownSeries = new(() => LoadOwnSeries(database));
    private List<(InstanceArrival Arrival, TaskCompletionSource<RecordedInstance?> Waiter)> arrivals = [];
    private bool writing;

    private const string StudyColumns = """
        study_uid, state, revision, first_received_utc, last_instance_utc, updated_utc, instance_count,
        patient_id, patient_name, accession_number, study_description, study_date,
        series_uid, score, threshold, abnormal, model_version, input_hash, scored_utc, scoring_seconds, reason,
        slices_scored, slices_not_scored, notes, model_id
        """;

    /// <summary>
    /// Catalogues an instance; null when its SOP Instance UID was already catalogued (a duplicate). Concurrent calls are
    /// group-committed: one writer takes every arrival waiting and records them in one transaction, so associations never
    /// wait on each other's locks. The commit does not wait for the disk (WAL, synchronous=NORMAL): it survives a killed
    /// process, and after a power cut the spool, whose files are fsynced before Success, restores what was lost
    /// (<see cref="Ingest.InstanceIngest.CatalogueSpoolAsync"/>).
    /// </summary>
    public Task<RecordedInstance?> RecordInstanceAsync(InstanceArrival arrival)
    {
        var waiter = new TaskCompletionSource<RecordedInstance?>(TaskCreationOptions.RunContinuationsAsynchronously);
        bool startWriter;
        lock (arrivalsLock)
        {
            arrivals.Add((arrival, waiter));
            startWriter = !writing;
            writing = true;
        }

        if (startWriter)
        {
            // The caller that found no writer writes the batch holding its own arrival; later ones go on the pool.
            WriteArrivals(once: true);
        }

        return waiter.Task;
    }

    private void WriteArrivals(bool once)
    {
        for (var written = 0; ; written++)
        {
            List<(InstanceArrival Arrival, TaskCompletionSource<RecordedInstance?> Waiter)> batch;
            lock (arrivalsLock)
            {
                if (arrivals.Count == 0)
                {
                    writing = false;
                    return;
                }

                if (once && written > 0)
                {
                    _ = Task.Run(() => WriteArrivals(once: false));
                    return;
                }

                (batch, arrivals) = (arrivals, []);
            }

            try
            {
                using var connection = database.Open(waitForDisk: false);
                using var transaction = connection.BeginTransaction();
                var results = batch.Select(item => Record(connection, transaction, item.Arrival)).ToList();
                transaction.Commit();
                for (var i = 0; i < batch.Count; i++)
                {
                    batch[i].Waiter.SetResult(results[i]);
                }
            }
            catch (Exception ex)
            {
                batch.ForEach(item => item.Waiter.SetException(ex));
            }
        }
    }

    private RecordedInstance? Record(SqliteConnection connection, SqliteTransaction transaction, InstanceArrival arrival)
    {
        using (var insert = connection.CreateCommand())
        {
            insert.Transaction = transaction;
            insert.CommandText = """
                INSERT INTO instances(sop_uid, study_uid, series_uid, path, received_utc, header)
                VALUES ($sop, $study, $series, $path, $at, $header) ON CONFLICT(sop_uid) DO NOTHING
                """;
            insert.Parameters.AddWithValue("$sop", arrival.SopInstanceUid);
            insert.Parameters.AddWithValue("$study", arrival.StudyInstanceUid);
            insert.Parameters.AddWithValue("$series", arrival.SeriesInstanceUid);
            insert.Parameters.AddWithValue("$path", arrival.Path);
            insert.Parameters.AddWithValue("$at", AgentDatabase.FormatTime(arrival.ReceivedUtc));
            insert.Parameters.AddWithValue("$header", InstanceHeaderJson.Write(arrival.Header));
            if (insert.ExecuteNonQuery() == 0)
            {
                return null;
            }
        }

        StudyState? existing = null;
        TimeSpan? previousStableAge = null;
        using (var state = connection.CreateCommand())
        {
            state.Transaction = transaction;
            state.CommandText = "SELECT state, stable_age_seconds FROM studies WHERE study_uid = $study";
            state.Parameters.AddWithValue("$study", arrival.StudyInstanceUid);
            using var reader = state.ExecuteReader();
            if (reader.Read())
            {
                existing = Enum.Parse<StudyState>(reader.GetString(0));
                previousStableAge = reader.IsDBNull(1) ? null : TimeSpan.FromSeconds(reader.GetDouble(1));
            }
        }

        using (var upsert = connection.CreateCommand())
        {
            var d = arrival.Demographics;
            upsert.Transaction = transaction;
            upsert.CommandText = """
                INSERT INTO studies(study_uid, state, first_received_utc, last_instance_utc, updated_utc, instance_count,
                                    patient_id, patient_name, accession_number, study_description, study_date, stable_age_seconds)
                VALUES ($study, $state, $at, $at, $now, 1, $pid, $pname, $acc, $desc, $date, $age)
                ON CONFLICT(study_uid) DO UPDATE SET
                    last_instance_utc = max(last_instance_utc, excluded.last_instance_utc),
                    stable_age_seconds = excluded.stable_age_seconds,
                    updated_utc = excluded.updated_utc,
                    instance_count = instance_count + 1,
                    patient_id = CASE WHEN patient_id = '' THEN excluded.patient_id ELSE patient_id END,
                    patient_name = CASE WHEN patient_name = '' THEN excluded.patient_name ELSE patient_name END,
                    accession_number = CASE WHEN accession_number = '' THEN excluded.accession_number ELSE accession_number END,
                    study_description = CASE WHEN study_description = '' THEN excluded.study_description ELSE study_description END,
                    study_date = CASE WHEN study_date = '' THEN excluded.study_date ELSE study_date END
                """;
            upsert.Parameters.AddWithValue("$study", arrival.StudyInstanceUid);
            upsert.Parameters.AddWithValue("$state", nameof(StudyState.Received));
            upsert.Parameters.AddWithValue("$at", AgentDatabase.FormatTime(arrival.ReceivedUtc));
            upsert.Parameters.AddWithValue("$now", Now());
            upsert.Parameters.AddWithValue("$pid", d.PatientId);
            upsert.Parameters.AddWithValue("$pname", d.PatientName);
            upsert.Parameters.AddWithValue("$acc", d.AccessionNumber);
            upsert.Parameters.AddWithValue("$desc", d.StudyDescription);
            upsert.Parameters.AddWithValue("$date", d.StudyDate);
            upsert.Parameters.AddWithValue("$age", arrival.StableAge is { } age ? age.TotalSeconds : DBNull.Value);
            upsert.ExecuteNonQuery();
        }

        return new RecordedInstance(existing is null, existing ?? StudyState.Received, previousStableAge);
    }

    /// <summary>The study, or null when no instance of it was ever received.</summary>
    public StudyRecord? Find(string studyInstanceUid)
    {
        using var connection = database.Open();
        return Find(connection, null, studyInstanceUid);
    }

    /// <summary>Studies currently in any of <paramref name="states"/>, oldest activity first.</summary>
    public IReadOnlyList<StudyRecord> ListInStates(params StudyState[] states)
    {
        using var connection = database.Open();
        using var command = connection.CreateCommand();
        var names = states.Select((s, i) => (Name: $"$s{i}", Value: s.ToString())).ToList();
        command.CommandText = $"SELECT {StudyColumns} FROM studies WHERE state IN ({string.Join(',', names.Select(n => n.Name))}) ORDER BY last_instance_utc";
        foreach (var (name, value) in names)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return ReadStudies(command);
    }

    /// <summary>Every study (the worklist orders them).</summary>
    public IReadOnlyList<StudyRecord> ListAll()
    {
        using var connection = database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {StudyColumns} FROM studies";
        return ReadStudies(command);
    }

    /// <summary>The study's catalogued instances with their headers, by series then SOP Instance UID.</summary>
    public IReadOnlyList<StoredInstance> ListInstances(string studyInstanceUid)
    {
        using var connection = database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT series_uid, sop_uid, path, header FROM instances WHERE study_uid = $study ORDER BY series_uid, sop_uid";
        command.Parameters.AddWithValue("$study", studyInstanceUid);
        using var reader = command.ExecuteReader();
        var list = new List<StoredInstance>();
        while (reader.Read())
        {
            var path = reader.GetString(2);
            list.Add(new StoredInstance(reader.GetString(0), reader.GetString(1), path, reader.IsDBNull(3) ? null : InstanceHeaderJson.Read(reader.GetString(3), path)));
        }

        return list;
    }

    /// <summary>The full paths of every catalogued instance.</summary>
    public HashSet<string> ListInstancePaths()
    {
        using var connection = database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT path FROM instances";
        using var reader = command.ExecuteReader();
        var paths = new HashSet<string>(StringComparer.Ordinal);
        while (reader.Read())
        {
            paths.Add(reader.GetString(0));
        }

        return paths;
    }

    /// <summary>Whether an instance with this SOP Instance UID is already catalogued.</summary>
    public bool ContainsInstance(string sopInstanceUid)
    {
        using var connection = database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT 1 FROM instances WHERE sop_uid = $sop";
        command.Parameters.AddWithValue("$sop", sopInstanceUid);
        return command.ExecuteScalar() is not null;
    }

    /// <summary>Remembers a series the agent produced, so that it never triggers scoring when it comes back.</summary>
    public void RecordOwnSeries(string studyInstanceUid, string seriesInstanceUid, string kind)
    {
        using var connection = database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "INSERT OR REPLACE INTO own_series(series_uid, study_uid, kind) VALUES ($series, $study, $kind)";
        command.Parameters.AddWithValue("$series", seriesInstanceUid);
        command.Parameters.AddWithValue("$study", studyInstanceUid);
        command.Parameters.AddWithValue("$kind", kind);
        command.ExecuteNonQuery();
        ownSeries.Value.TryAdd(seriesInstanceUid, 0);
    }

    /// <summary>Whether the series is one the agent produced.</summary>
    public bool IsOwnSeries(string seriesInstanceUid) => ownSeries.Value.ContainsKey(seriesInstanceUid);

    private static ConcurrentDictionary<string, byte> LoadOwnSeries(AgentDatabase database)
    {
        var known = new ConcurrentDictionary<string, byte>(StringComparer.Ordinal);
        using var connection = database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT series_uid FROM own_series";
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            known.TryAdd(reader.GetString(0), 0);
        }

        return known;
    }

    /// <summary>Moves the study to <see cref="StudyState.Assembling"/> (its assembly job is scheduled).</summary>
    public void MarkAssembling(string studyInstanceUid) => Move(studyInstanceUid, StudyState.Assembling, null, null);

    /// <summary>Moves the study to <see cref="StudyState.Scoring"/> and returns the new revision.</summary>
    public int BeginScoring(string studyInstanceUid)
    {
        using var connection = database.Open();
        using var transaction = connection.BeginTransaction();
        var study = Find(connection, transaction, studyInstanceUid) ?? throw new InvalidOperationException($"Study {studyInstanceUid} is unknown.");
        if (study.State == StudyState.Scoring)
        {
            return study.Revision;
        }

        Require(study, StudyState.Scoring);
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "UPDATE studies SET state = $state, revision = revision + 1, reason = NULL, updated_utc = $now WHERE study_uid = $study";
        command.Parameters.AddWithValue("$state", nameof(StudyState.Scoring));
        command.Parameters.AddWithValue("$now", Now());
        command.Parameters.AddWithValue("$study", studyInstanceUid);
        command.ExecuteNonQuery();
        transaction.Commit();
        return study.Revision + 1;
    }

    /// <summary>Replaces the study's series decisions with those of <paramref name="revision"/>.</summary>
    public void RecordSeriesDecisions(string studyInstanceUid, int revision, IEnumerable<SeriesDecision> decisions)
    {
        using var connection = database.Open();
        using var transaction = connection.BeginTransaction();
        using (var delete = connection.CreateCommand())
        {
            delete.Transaction = transaction;
            delete.CommandText = "DELETE FROM series_decisions WHERE study_uid = $study";
            delete.Parameters.AddWithValue("$study", studyInstanceUid);
            delete.ExecuteNonQuery();
        }

        foreach (var decision in decisions)
        {
            using var insert = connection.CreateCommand();
            insert.Transaction = transaction;
            insert.CommandText = """
                INSERT OR REPLACE INTO series_decisions(study_uid, series_uid, revision, selected, reason, description)
                VALUES ($study, $series, $revision, $selected, $reason, $description)
                """;
            insert.Parameters.AddWithValue("$study", studyInstanceUid);
            insert.Parameters.AddWithValue("$series", decision.SeriesInstanceUid);
            insert.Parameters.AddWithValue("$revision", revision);
            insert.Parameters.AddWithValue("$selected", decision.Selected ? 1 : 0);
            insert.Parameters.AddWithValue("$reason", decision.Reason);
            insert.Parameters.AddWithValue("$description", decision.Description);
            insert.ExecuteNonQuery();
        }

        transaction.Commit();
    }

    /// <summary>The series decisions recorded for the study.</summary>
    public IReadOnlyList<SeriesDecision> ListSeriesDecisions(string studyInstanceUid)
    {
        using var connection = database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT series_uid, selected, reason, description FROM series_decisions WHERE study_uid = $study ORDER BY selected DESC, series_uid";
        command.Parameters.AddWithValue("$study", studyInstanceUid);
        using var reader = command.ExecuteReader();
        var list = new List<SeriesDecision>();
        while (reader.Read())
        {
            list.Add(new SeriesDecision(reader.GetString(0), reader.GetInt64(1) != 0, reader.GetString(2), reader.GetString(3)));
        }

        return list;
    }

    /// <summary>Stores the triage of <paramref name="revision"/> and moves to <see cref="StudyState.Delivering"/>; false when the revision is stale.</summary>
    public bool CompleteScoring(string studyInstanceUid, int revision, StudyTriage triage) =>
        Move(studyInstanceUid, StudyState.Delivering, revision, command =>
        {
            command.CommandText += """
                , series_uid = $series, score = $score, threshold = $threshold, abnormal = $abnormal,
                  model_version = $model, input_hash = $hash, scored_utc = $scored, scoring_seconds = $seconds,
                  slices_scored = $slicesScored, slices_not_scored = $slicesNotScored, notes = $notes, model_id = $modelId
                """;
            command.Parameters.AddWithValue("$series", triage.SeriesInstanceUid);
            command.Parameters.AddWithValue("$score", triage.Score);
            command.Parameters.AddWithValue("$threshold", triage.Threshold);
            command.Parameters.AddWithValue("$abnormal", triage.Abnormal ? 1 : 0);
            command.Parameters.AddWithValue("$model", triage.ModelVersion);
            command.Parameters.AddWithValue("$hash", triage.InputHash);
            command.Parameters.AddWithValue("$scored", AgentDatabase.FormatTime(triage.ScoredUtc));
            command.Parameters.AddWithValue("$seconds", triage.ScoringSeconds);
            command.Parameters.AddWithValue("$slicesScored", triage.SlicesScored);
            command.Parameters.AddWithValue("$slicesNotScored", triage.SlicesNotScored);
            command.Parameters.AddWithValue("$notes", (object?)triage.Notes ?? DBNull.Value);
            command.Parameters.AddWithValue("$modelId", triage.ModelId);
        });

    /// <summary>Records that no series could be analysed; false when the revision is stale.</summary>
    public bool MarkNotAnalysed(string studyInstanceUid, int revision, string reason) =>
        Move(studyInstanceUid, StudyState.NotAnalysed, revision, command => AddReason(command, reason));

    /// <summary>Records a failure with its reason; false when the revision is stale.</summary>
    public bool MarkFailed(string studyInstanceUid, int revision, string reason) =>
        Move(studyInstanceUid, StudyState.Failed, revision, command => AddReason(command, reason));

    /// <summary>Records that every destination has the results of <paramref name="revision"/>; false when stale.</summary>
    public bool MarkDone(string studyInstanceUid, int revision) => Move(studyInstanceUid, StudyState.Done, revision, null);

    private static void AddReason(SqliteCommand command, string reason)
    {
        command.CommandText += ", reason = $reason";
        command.Parameters.AddWithValue("$reason", reason);
    }

    private bool Move(string studyInstanceUid, StudyState to, int? revision, Action<SqliteCommand>? extra)
    {
        using var connection = database.Open();
        using var transaction = connection.BeginTransaction();
        var study = Find(connection, transaction, studyInstanceUid) ?? throw new InvalidOperationException($"Study {studyInstanceUid} is unknown.");
        if (revision is { } expected && (study.Revision != expected || study.State is StudyState.Received or StudyState.Assembling))
        {
            return false;
        }

        Require(study, to);
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "UPDATE studies SET state = $state, updated_utc = $now";
        extra?.Invoke(command);
        command.CommandText += " WHERE study_uid = $study";
        command.Parameters.AddWithValue("$state", to.ToString());
        command.Parameters.AddWithValue("$now", Now());
        command.Parameters.AddWithValue("$study", studyInstanceUid);
        command.ExecuteNonQuery();
        transaction.Commit();
        return true;
    }

    private static void Require(StudyRecord study, StudyState to)
    {
        if (!StudyStateMachine.CanMove(study.State, to))
        {
            throw new InvalidStudyTransitionException(study.StudyInstanceUid, study.State, to);
        }
    }

    private string Now() => AgentDatabase.FormatTime(time.GetUtcNow());

    private static StudyRecord? Find(SqliteConnection connection, SqliteTransaction? transaction, string studyInstanceUid)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"SELECT {StudyColumns} FROM studies WHERE study_uid = $study";
        command.Parameters.AddWithValue("$study", studyInstanceUid);
        return ReadStudies(command).FirstOrDefault();
    }

    private static List<StudyRecord> ReadStudies(SqliteCommand command)
    {
        using var reader = command.ExecuteReader();
        var list = new List<StudyRecord>();
        while (reader.Read())
        {
            // Column 15 (abnormal) is written for queries only: the record derives its verdict from score and threshold.
            StudyTriage? triage = reader.IsDBNull(13) ? null : new StudyTriage(
                reader.GetString(12), reader.GetDouble(13), reader.GetDouble(14),
                reader.GetString(16), reader.GetString(17), AgentDatabase.ParseTime(reader.GetString(18)), reader.GetDouble(19))
            {
                SlicesScored = reader.IsDBNull(21) ? 0 : reader.GetInt32(21),
                SlicesNotScored = reader.IsDBNull(22) ? 0 : reader.GetInt32(22),
                Notes = reader.IsDBNull(23) ? null : reader.GetString(23),
                ModelId = reader.IsDBNull(24) ? "" : reader.GetString(24),
            };
            list.Add(new StudyRecord
            {
                StudyInstanceUid = reader.GetString(0),
                State = Enum.Parse<StudyState>(reader.GetString(1)),
                Revision = reader.GetInt32(2),
                FirstReceivedUtc = AgentDatabase.ParseTime(reader.GetString(3)),
                LastInstanceUtc = AgentDatabase.ParseTime(reader.GetString(4)),
                UpdatedUtc = AgentDatabase.ParseTime(reader.GetString(5)),
                InstanceCount = reader.GetInt32(6),
                Demographics = new StudyDemographics(reader.GetString(7), reader.GetString(8), reader.GetString(9), reader.GetString(10), reader.GetString(11)),
                Triage = triage,
                Reason = reader.IsDBNull(20) ? null : reader.GetString(20),
            });
        }

        return list;
    }
}
