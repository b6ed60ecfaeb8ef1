namespace Isl.Reports;

/// <summary>The device (this agent) that observed and reported, as the SR observer context names it.</summary>
/// <param name="Uid">Device Observer UID: a stable UID of this installation.</param>
/// <param name="Name">Device Observer Name (e.g. the AE title or host name).</param>
/// <param name="Manufacturer">Device Observer Manufacturer.</param>
/// <param name="ModelName">Device Observer Model Name.</param>
public sealed record ObserverDevice(string Uid, string Name, string Manufacturer, string ModelName);
