using Microsoft.Extensions.Options;

namespace Isl.PacsAgent.Configuration.Validation;

/// <summary>Checks the <c>Storage</c> section.</summary>
internal sealed class StorageOptionsValidator : IValidateOptions<StorageOptions>
{
    public ValidateOptionsResult Validate(string? name, StorageOptions options)
    {
        var errors = new OptionErrors(StorageOptions.SectionName);
        errors.RequirePath(nameof(options.SpoolPath), options.SpoolPath);
        errors.RequirePath(nameof(options.DatabasePath), options.DatabasePath);
        errors.RequirePath(nameof(options.SchedulerDatabasePath), options.SchedulerDatabasePath);
        errors.RequirePath(nameof(options.OutputPath), options.OutputPath);
        if (options.DatabasePath.Trim().Length > 0 && options.SchedulerDatabasePath.Trim().Length > 0 && Path.GetFullPath(options.DatabasePath) == Path.GetFullPath(options.SchedulerDatabasePath))
        {
            errors.Add(nameof(options.SchedulerDatabasePath), "must differ from DatabasePath (Quartz locks its database for every operation).");
        }

        return errors.ToResult();
    }
}
