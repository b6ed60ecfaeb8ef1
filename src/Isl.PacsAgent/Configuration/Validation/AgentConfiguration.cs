namespace Isl.PacsAgent.Configuration.Validation;

/// <summary>
/// Every configuration section of the agent, bound once and validated together by <see cref="AgentConfigurationCheck"/>;
/// the host registers these instances as the options the services read.
/// </summary>
public sealed record AgentConfiguration(
    DicomListenerOptions DicomListener,
    OrthancSourceOptions OrthancSource,
    AssemblyOptions Assembly,
    SeriesSelectionOptions SeriesSelection,
    ScoringOptions Scoring,
    DeliveryOptions Delivery,
    HttpEndpointOptions Http,
    StorageOptions Storage);
