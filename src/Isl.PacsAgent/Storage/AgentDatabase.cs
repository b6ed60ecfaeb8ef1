using System.Globalization;
using Isl.PacsAgent.Configuration;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace Isl.PacsAgent.Storage;

/// <summary>
/// The agent's results database (SQLite, WAL): studies, series decisions, instances, deliveries,
/// dead letters and feed cursors. Each call opens a pooled connection, so it is safe from any thread.
/// </summary>
public sealed class AgentDatabase
{
    private const string Schema = """
        PRAGMA journal_mode = WAL;
        CREATE TABLE IF NOT EXISTS studies (
            study_uid TEXT PRIMARY KEY,
            state TEXT NOT NULL,
            revision INTEGER NOT NULL DEFAULT 0,
            first_received_utc TEXT NOT NULL,
            last_instance_utc TEXT NOT NULL,
            updated_utc TEXT NOT NULL,
            instance_count INTEGER NOT NULL DEFAULT 0,
            patient_id TEXT NOT NULL DEFAULT '',
            patient_name TEXT NOT NULL DEFAULT '',
            accession_number TEXT NOT NULL DEFAULT '',
            study_description TEXT NOT NULL DEFAULT '',
            study_date TEXT NOT NULL DEFAULT '',
            series_uid TEXT, score REAL, threshold REAL, abnormal INTEGER,
            model_version TEXT, input_hash TEXT, scored_utc TEXT, scoring_seconds REAL,
            reason TEXT, slices_scored INTEGER, slices_not_scored INTEGER, notes TEXT, model_id TEXT,
            stable_age_seconds REAL);
        CREATE INDEX IF NOT EXISTS studies_state ON studies(state);
        CREATE TABLE IF NOT EXISTS series_decisions (
            study_uid TEXT NOT NULL, series_uid TEXT NOT NULL, revision INTEGER NOT NULL,
            selected INTEGER NOT NULL, reason TEXT NOT NULL, description TEXT NOT NULL DEFAULT '',
            PRIMARY KEY (study_uid, series_uid));
        CREATE TABLE IF NOT EXISTS instances (
            sop_uid TEXT PRIMARY KEY, study_uid TEXT NOT NULL, series_uid TEXT NOT NULL,
            path TEXT NOT NULL, received_utc TEXT NOT NULL, header TEXT);
        CREATE INDEX IF NOT EXISTS instances_study ON instances(study_uid);
        CREATE TABLE IF NOT EXISTS own_series (
            series_uid TEXT PRIMARY KEY, study_uid TEXT NOT NULL, kind TEXT NOT NULL);
        CREATE TABLE IF NOT EXISTS deliveries (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            study_uid TEXT NOT NULL, destination TEXT NOT NULL, revision INTEGER NOT NULL,
            state TEXT NOT NULL, attempts INTEGER NOT NULL DEFAULT 0,
            next_attempt_utc TEXT NOT NULL, last_error TEXT, created_utc TEXT NOT NULL, finished_utc TEXT,
            UNIQUE (study_uid, destination, revision));
        CREATE INDEX IF NOT EXISTS deliveries_due ON deliveries(state, next_attempt_utc);
        CREATE TABLE IF NOT EXISTS dead_letters (
            delivery_id INTEGER PRIMARY KEY, study_uid TEXT NOT NULL, destination TEXT NOT NULL,
            revision INTEGER NOT NULL, attempts INTEGER NOT NULL, last_error TEXT NOT NULL, dead_utc TEXT NOT NULL);
        CREATE TABLE IF NOT EXISTS cursors (name TEXT PRIMARY KEY, value TEXT NOT NULL);
        """;

    private readonly string connectionString;

    /// <summary>Opens (creating when missing) the database named by <see cref="StorageOptions.DatabasePath"/>.</summary>
    public AgentDatabase(IOptions<StorageOptions> options)
        : this(options.Value.DatabasePath)
    {
    }

    /// <summary>Opens (creating when missing) the database at <paramref name="path"/>.</summary>
    public AgentDatabase(string path)
    {
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = full,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();
        using var connection = Open();
        Execute(connection, Schema);
        AddMissingColumns(connection, "studies", ("slices_scored", "INTEGER"), ("slices_not_scored", "INTEGER"), ("notes", "TEXT"), ("model_id", "TEXT"), ("stable_age_seconds", "REAL"));
        AddMissingColumns(connection, "instances", ("header", "TEXT"));
    }

    /// <summary>The database file.</summary>
    public string ConnectionString => connectionString;

    /// <summary>A reading of a cursor (e.g. the last Orthanc change seen), or null.</summary>
    public string? GetCursor(string name)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT value FROM cursors WHERE name = $name";
        command.Parameters.AddWithValue("$name", name);
        return command.ExecuteScalar() as string;
    }

    /// <summary>Stores a cursor.</summary>
    public void SetCursor(string name, string value)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = "INSERT INTO cursors(name, value) VALUES($name, $value) ON CONFLICT(name) DO UPDATE SET value = excluded.value";
        command.Parameters.AddWithValue("$name", name);
        command.Parameters.AddWithValue("$value", value);
        command.ExecuteNonQuery();
    }

    /// <summary>A connection whose commits wait for the disk (synchronous=FULL), or, with <paramref name="waitForDisk"/> false, only for the OS (NORMAL: durable across a killed process, not a power cut).</summary>
    internal SqliteConnection Open(bool waitForDisk = true)
    {
        var connection = new SqliteConnection(connectionString);
        connection.Open();
        Execute(connection, waitForDisk ? "PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON;" : "PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON;");
        return connection;
    }

    /// <summary>Upgrades a database made by an older agent: adds the columns it lacks (CREATE TABLE IF NOT EXISTS does not).</summary>
    private static void AddMissingColumns(SqliteConnection connection, string table, params (string Name, string Type)[] columns)
    {
        var present = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        using (var command = connection.CreateCommand())
        {
            command.CommandText = $"PRAGMA table_info({table})";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                present.Add(reader.GetString(1));
            }
        }

        foreach (var (name, type) in columns.Where(c => !present.Contains(c.Name)))
        {
            Execute(connection, $"ALTER TABLE {table} ADD COLUMN {name} {type}");
        }
    }

    internal static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    internal static string FormatTime(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);

    internal static DateTimeOffset ParseTime(string text) =>
        DateTimeOffset.ParseExact(text, "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
}
