using Isl.PacsAgent.Storage;
using Microsoft.Data.Sqlite;

namespace Isl.PacsAgent.Delivery;

/// <summary>Persistent delivery queue: one row per (study, destination, revision), retried with backoff, dead-lettered at the limit.</summary>
public sealed class DeliveryStore(AgentDatabase database, TimeProvider time)
{
    private const string Columns = "id, study_uid, destination, revision, state, attempts, next_attempt_utc, last_error";

    /// <summary>Queues the revision's results for each destination (idempotent) and supersedes older pending revisions.</summary>
    public void Enqueue(string studyInstanceUid, int revision, IEnumerable<string> destinations)
    {
        using var connection = database.Open();
        using var transaction = connection.BeginTransaction();
        var now = AgentDatabase.FormatTime(time.GetUtcNow());
        using (var supersede = connection.CreateCommand())
        {
            supersede.Transaction = transaction;
            supersede.CommandText = "UPDATE deliveries SET state = $superseded, finished_utc = $now WHERE study_uid = $study AND revision < $revision AND state = $pending";
            supersede.Parameters.AddWithValue("$superseded", nameof(DeliveryState.Superseded));
            supersede.Parameters.AddWithValue("$pending", nameof(DeliveryState.Pending));
            supersede.Parameters.AddWithValue("$now", now);
            supersede.Parameters.AddWithValue("$study", studyInstanceUid);
            supersede.Parameters.AddWithValue("$revision", revision);
            supersede.ExecuteNonQuery();
        }

        foreach (var destination in destinations)
        {
            using var insert = connection.CreateCommand();
            insert.Transaction = transaction;
            insert.CommandText = """
                INSERT INTO deliveries(study_uid, destination, revision, state, attempts, next_attempt_utc, created_utc)
                VALUES ($study, $destination, $revision, $pending, 0, $now, $now)
                ON CONFLICT(study_uid, destination, revision) DO NOTHING
                """;
            insert.Parameters.AddWithValue("$study", studyInstanceUid);
            insert.Parameters.AddWithValue("$destination", destination);
            insert.Parameters.AddWithValue("$revision", revision);
            insert.Parameters.AddWithValue("$pending", nameof(DeliveryState.Pending));
            insert.Parameters.AddWithValue("$now", now);
            insert.ExecuteNonQuery();
        }

        transaction.Commit();
    }

    /// <summary>Pending deliveries whose next attempt is due, oldest first.</summary>
    public IReadOnlyList<DeliveryRecord> ListDue(int limit = 100)
    {
        using var connection = database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {Columns} FROM deliveries WHERE state = $pending AND next_attempt_utc <= $now ORDER BY next_attempt_utc LIMIT $limit";
        command.Parameters.AddWithValue("$pending", nameof(DeliveryState.Pending));
        command.Parameters.AddWithValue("$now", AgentDatabase.FormatTime(time.GetUtcNow()));
        command.Parameters.AddWithValue("$limit", limit);
        return Read(command);
    }

    /// <summary>Every delivery of a study.</summary>
    public IReadOnlyList<DeliveryRecord> ListForStudy(string studyInstanceUid)
    {
        using var connection = database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {Columns} FROM deliveries WHERE study_uid = $study ORDER BY revision, destination";
        command.Parameters.AddWithValue("$study", studyInstanceUid);
        return Read(command);
    }

    /// <summary>Marks a delivery done.</summary>
    public void MarkDelivered(long id)
    {
        using var connection = database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "UPDATE deliveries SET state = $state, finished_utc = $now, last_error = NULL WHERE id = $id";
        command.Parameters.AddWithValue("$state", nameof(DeliveryState.Delivered));
        command.Parameters.AddWithValue("$now", AgentDatabase.FormatTime(time.GetUtcNow()));
        command.Parameters.AddWithValue("$id", id);
        command.ExecuteNonQuery();
    }

    /// <summary>Marks a delivery superseded (a newer revision of its study exists).</summary>
    public void MarkSuperseded(long id)
    {
        using var connection = database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "UPDATE deliveries SET state = $state, finished_utc = $now WHERE id = $id";
        command.Parameters.AddWithValue("$state", nameof(DeliveryState.Superseded));
        command.Parameters.AddWithValue("$now", AgentDatabase.FormatTime(time.GetUtcNow()));
        command.Parameters.AddWithValue("$id", id);
        command.ExecuteNonQuery();
    }

    /// <summary>Records a failed attempt: reschedules with backoff, or dead-letters at the limit.</summary>
    public DeliveryOutcome RecordFailure(long id, string error, RetrySchedule schedule)
    {
        using var connection = database.Open();
        using var transaction = connection.BeginTransaction();
        DeliveryRecord record;
        using (var select = connection.CreateCommand())
        {
            select.Transaction = transaction;
            select.CommandText = $"SELECT {Columns} FROM deliveries WHERE id = $id";
            select.Parameters.AddWithValue("$id", id);
            record = Read(select).SingleOrDefault() ?? throw new InvalidOperationException($"Delivery {id} is unknown.");
        }

        var attempts = record.Attempts + 1;
        var now = time.GetUtcNow();
        var dead = schedule.IsExhausted(attempts);
        var next = dead ? now : now + schedule.DelayAfter(attempts);
        using (var update = connection.CreateCommand())
        {
            update.Transaction = transaction;
            update.CommandText = "UPDATE deliveries SET state = $state, attempts = $attempts, next_attempt_utc = $next, last_error = $error, finished_utc = $finished WHERE id = $id";
            update.Parameters.AddWithValue("$state", (dead ? DeliveryState.DeadLettered : DeliveryState.Pending).ToString());
            update.Parameters.AddWithValue("$attempts", attempts);
            update.Parameters.AddWithValue("$next", AgentDatabase.FormatTime(next));
            update.Parameters.AddWithValue("$error", error);
            update.Parameters.AddWithValue("$finished", dead ? AgentDatabase.FormatTime(now) : DBNull.Value);
            update.Parameters.AddWithValue("$id", id);
            update.ExecuteNonQuery();
        }

        if (dead)
        {
            using var insert = connection.CreateCommand();
            insert.Transaction = transaction;
            insert.CommandText = """
                INSERT OR REPLACE INTO dead_letters(delivery_id, study_uid, destination, revision, attempts, last_error, dead_utc)
                VALUES ($id, $study, $destination, $revision, $attempts, $error, $now)
                """;
            insert.Parameters.AddWithValue("$id", id);
            insert.Parameters.AddWithValue("$study", record.StudyInstanceUid);
            insert.Parameters.AddWithValue("$destination", record.Destination);
            insert.Parameters.AddWithValue("$revision", record.Revision);
            insert.Parameters.AddWithValue("$attempts", attempts);
            insert.Parameters.AddWithValue("$error", error);
            insert.Parameters.AddWithValue("$now", AgentDatabase.FormatTime(now));
            insert.ExecuteNonQuery();
        }

        transaction.Commit();
        return new DeliveryOutcome(dead, next);
    }

    /// <summary>Every dead-letter record.</summary>
    public IReadOnlyList<DeadLetter> ListDeadLetters()
    {
        using var connection = database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT delivery_id, study_uid, destination, revision, attempts, last_error, dead_utc FROM dead_letters ORDER BY dead_utc";
        using var reader = command.ExecuteReader();
        var list = new List<DeadLetter>();
        while (reader.Read())
        {
            list.Add(new DeadLetter(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetInt32(3), reader.GetInt32(4), reader.GetString(5), AgentDatabase.ParseTime(reader.GetString(6))));
        }

        return list;
    }

    /// <summary>The (study, revision) pairs with at least one dead-lettered delivery.</summary>
    public IReadOnlySet<(string Study, int Revision)> ListDeadLetteredRevisions()
    {
        using var connection = database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT DISTINCT study_uid, revision FROM dead_letters";
        using var reader = command.ExecuteReader();
        var set = new HashSet<(string, int)>();
        while (reader.Read())
        {
            set.Add((reader.GetString(0), reader.GetInt32(1)));
        }

        return set;
    }

    /// <summary>Whether every delivery of the revision is finished; and whether any was dead-lettered.</summary>
    public (bool Finished, bool AnyDead) Summarise(string studyInstanceUid, int revision)
    {
        var rows = ListForStudy(studyInstanceUid).Where(d => d.Revision == revision).ToList();
        return (rows.All(d => d.State != DeliveryState.Pending), rows.Any(d => d.State == DeliveryState.DeadLettered));
    }

    private static List<DeliveryRecord> Read(SqliteCommand command)
    {
        using var reader = command.ExecuteReader();
        var list = new List<DeliveryRecord>();
        while (reader.Read())
        {
            list.Add(new DeliveryRecord(
                reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetInt32(3),
                Enum.Parse<DeliveryState>(reader.GetString(4)), reader.GetInt32(5),
                AgentDatabase.ParseTime(reader.GetString(6)), reader.IsDBNull(7) ? null : reader.GetString(7)));
        }

        return list;
    }
}
