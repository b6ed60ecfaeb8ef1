namespace Isl.Trainer.Evaluation;

/// <summary>A point estimate with a bootstrap confidence interval.</summary>
/// <param name="Estimate">The value on the whole set.</param>
/// <param name="Lower">The lower bound.</param>
/// <param name="Upper">The upper bound.</param>
/// <param name="Level">The confidence level, e.g. 0.95.</param>
/// <param name="Iterations">How many resamples were drawn.</param>
/// <param name="SampleFraction">The share of each class that each resample holds.</param>
/// <param name="Seed">The seed of the resampling.</param>
public sealed record ConfidenceInterval(double Estimate, double Lower, double Upper, double Level, int Iterations, double SampleFraction, int Seed);
