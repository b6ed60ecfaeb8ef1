using Microsoft.Data.Sqlite;

namespace Isl.Dicom.Network.Storage;

/// <summary>
/// <see cref="IReceivedInstanceIndex"/> on an embedded SQLite database in WAL mode. The spool files are the
/// truth; the index survives a process crash (WAL) and is written after each file is durable.
/// </summary>
public sealed class SqliteReceivedInstanceIndex : IReceivedInstanceIndex, IDisposable
{
    private const string Columns = "study_instance_uid, series_instance_uid, sop_instance_uid, sop_class_uid, path, calling_ae, received_at_ms, state";
    private readonly SqliteConnection _connection;
    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <summary>Opens (creating when needed) the index at <paramref name="databasePath"/>.</summary>
    public SqliteReceivedInstanceIndex(string databasePath)
    {
        var directory = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(databasePath));
        if (directory is not null)
        {
            Directory.CreateDirectory(directory);
        }

        _connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = databasePath, Pooling = false }.ToString());
        _connection.Open();
        Execute("PRAGMA journal_mode=WAL;");
        Execute("PRAGMA synchronous=NORMAL;");
        Execute("PRAGMA busy_timeout=5000;");
        Execute("""
            CREATE TABLE IF NOT EXISTS received_instances (
                sop_instance_uid TEXT PRIMARY KEY,
                study_instance_uid TEXT NOT NULL,
                series_instance_uid TEXT NOT NULL,
                sop_class_uid TEXT NOT NULL,
                path TEXT NOT NULL,
                calling_ae TEXT NOT NULL,
                received_at_ms INTEGER NOT NULL,
                state TEXT NOT NULL);
            CREATE INDEX IF NOT EXISTS ix_received_instances_study ON received_instances (study_instance_uid, received_at_ms);
            CREATE INDEX IF NOT EXISTS ix_received_instances_state ON received_instances (state, study_instance_uid);
            """);
    }

    /// <inheritdoc />
    public Task RecordAsync(ReceivedInstance instance, CancellationToken cancellationToken = default) =>
        WithConnectionAsync(() =>
        {
            using var command = _connection.CreateCommand();
            command.CommandText = $"""
                INSERT INTO received_instances ({Columns}) VALUES ($study, $series, $sop, $class, $path, $ae, $at, $state)
                ON CONFLICT (sop_instance_uid) DO UPDATE SET study_instance_uid = excluded.study_instance_uid,
                    series_instance_uid = excluded.series_instance_uid, sop_class_uid = excluded.sop_class_uid, path = excluded.path,
                    calling_ae = excluded.calling_ae, received_at_ms = excluded.received_at_ms, state = excluded.state;
                """;
            command.Parameters.AddWithValue("$study", instance.StudyInstanceUid);
            command.Parameters.AddWithValue("$series", instance.SeriesInstanceUid);
            command.Parameters.AddWithValue("$sop", instance.SopInstanceUid);
            command.Parameters.AddWithValue("$class", instance.SopClassUid);
            command.Parameters.AddWithValue("$path", instance.Path);
            command.Parameters.AddWithValue("$ae", instance.CallingAeTitle);
            command.Parameters.AddWithValue("$at", instance.ReceivedAt.ToUnixTimeMilliseconds());
            command.Parameters.AddWithValue("$state", instance.State.ToString());
            command.ExecuteNonQuery();
            return 0;
        }, cancellationToken);

    /// <inheritdoc />
    public Task<ReceivedInstance?> FindAsync(string sopInstanceUid, CancellationToken cancellationToken = default) =>
        WithConnectionAsync(() =>
        {
            using var command = _connection.CreateCommand();
            command.CommandText = $"SELECT {Columns} FROM received_instances WHERE sop_instance_uid = $sop;";
            command.Parameters.AddWithValue("$sop", sopInstanceUid);
            using var reader = command.ExecuteReader();
            return reader.Read() ? ReadInstance(reader) : null;
        }, cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<ReceivedInstance>> GetStudyInstancesAsync(string studyInstanceUid, CancellationToken cancellationToken = default) =>
        WithConnectionAsync<IReadOnlyList<ReceivedInstance>>(() =>
        {
            using var command = _connection.CreateCommand();
            command.CommandText = $"SELECT {Columns} FROM received_instances WHERE study_instance_uid = $study ORDER BY series_instance_uid, received_at_ms, sop_instance_uid;";
            command.Parameters.AddWithValue("$study", studyInstanceUid);
            using var reader = command.ExecuteReader();
            var instances = new List<ReceivedInstance>();
            while (reader.Read())
            {
                instances.Add(ReadInstance(reader));
            }

            return instances;
        }, cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<IdleStudy>> GetIdleStudiesAsync(TimeSpan idleFor, DateTimeOffset now, InstanceState state = InstanceState.Received, CancellationToken cancellationToken = default) =>
        WithConnectionAsync<IReadOnlyList<IdleStudy>>(() =>
        {
            using var command = _connection.CreateCommand();
            command.CommandText = """
                SELECT study_instance_uid, SUM(state = $state), MAX(received_at_ms) AS last_ms
                FROM received_instances
                WHERE study_instance_uid IN (SELECT study_instance_uid FROM received_instances WHERE state = $state)
                GROUP BY study_instance_uid
                HAVING last_ms <= $cutoff
                ORDER BY last_ms;
                """;
            command.Parameters.AddWithValue("$state", state.ToString());
            command.Parameters.AddWithValue("$cutoff", (now - idleFor).ToUnixTimeMilliseconds());
            using var reader = command.ExecuteReader();
            var studies = new List<IdleStudy>();
            while (reader.Read())
            {
                studies.Add(new IdleStudy(reader.GetString(0), reader.GetInt32(1), DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(2))));
            }

            return studies;
        }, cancellationToken);

    /// <inheritdoc />
    public Task<int> SetStudyStateAsync(string studyInstanceUid, InstanceState to, InstanceState? from = null, CancellationToken cancellationToken = default) =>
        WithConnectionAsync(() =>
        {
            using var command = _connection.CreateCommand();
            command.CommandText = "UPDATE received_instances SET state = $to WHERE study_instance_uid = $study AND ($from IS NULL OR state = $from);";
            command.Parameters.AddWithValue("$to", to.ToString());
            command.Parameters.AddWithValue("$study", studyInstanceUid);
            command.Parameters.AddWithValue("$from", from is null ? DBNull.Value : from.Value.ToString());
            return command.ExecuteNonQuery();
        }, cancellationToken);

    /// <inheritdoc />
    public Task<long> CountAsync(CancellationToken cancellationToken = default) =>
        WithConnectionAsync(() =>
        {
            using var command = _connection.CreateCommand();
            command.CommandText = "SELECT COUNT(*) FROM received_instances;";
            return (long)command.ExecuteScalar()!;
        }, cancellationToken);

    /// <inheritdoc />
    public void Dispose()
    {
        _connection.Dispose();
        _gate.Dispose();
    }

    private static ReceivedInstance ReadInstance(SqliteDataReader reader) => new(
        reader.GetString(0),
        reader.GetString(1),
        reader.GetString(2),
        reader.GetString(3),
        reader.GetString(4),
        reader.GetString(5),
        DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(6)),
        Enum.Parse<InstanceState>(reader.GetString(7)));

    private void Execute(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private async Task<T> WithConnectionAsync<T>(Func<T> work, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return work();
        }
        finally
        {
            _gate.Release();
        }
    }
}
