using SupportQueue.Core.Randomness;

namespace SupportQueue.Core.History;

/// <summary>
/// Handling time at one tier for one class (or "*" pooled): the chosen distribution and how well
/// each candidate fits, as the Kolmogorov–Smirnov distance D between the sample and the fitted CDF
/// (smaller is better; about 1.36/√n is the 5 % critical value).
/// </summary>
public sealed record FittedHandling(string Class, string Tier, int Samples, DistributionSpec Chosen, double KsExponential, double KsLognormal, double SampleMean);
