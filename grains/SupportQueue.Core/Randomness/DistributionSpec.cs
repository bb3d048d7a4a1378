using System.Globalization;
using SupportQueue.Core.Model;

namespace SupportQueue.Core.Randomness;

/// <summary>
/// A distribution as written in a scenario file, in the units of the quantity it describes
/// (minutes for durations). Parameters per <see cref="Kind"/>:
/// exponential: <c>mean</c>;
/// lognormal: <c>mean</c> and <c>stdDev</c> of the variable itself (not of its logarithm);
/// gamma: <c>mean</c> and <c>stdDev</c>, or <c>shape</c> and <c>scale</c>;
/// fixed: <c>value</c>;
/// uniform: <c>min</c> and <c>max</c>;
/// empirical: <c>values</c> (each equally likely) or <c>points</c> (value/weight pairs).
/// All values are durations or counts, so negative values are rejected.
/// </summary>
[GenerateSerializer, Immutable, Alias("SupportQueue.DistributionSpec")]
public sealed record DistributionSpec
{
    [Id(0)]
    public DistributionKind Kind { get; init; }

    [Id(1)]
    public double? Mean { get; init; }

    [Id(2)]
    public double? StdDev { get; init; }

    [Id(3)]
    public double? Shape { get; init; }

    [Id(4)]
    public double? Scale { get; init; }

    [Id(5)]
    public double? Value { get; init; }

    [Id(6)]
    public double? Min { get; init; }

    [Id(7)]
    public double? Max { get; init; }

    [Id(8)]
    public IReadOnlyList<double>? Values { get; init; }

    [Id(9)]
    public IReadOnlyList<WeightedValue>? Points { get; init; }

    public static DistributionSpec Exponential(double mean) =>
        new() { Kind = DistributionKind.Exponential, Mean = mean };

    public static DistributionSpec Lognormal(double mean, double stdDev) =>
        new() { Kind = DistributionKind.Lognormal, Mean = mean, StdDev = stdDev };

    public static DistributionSpec Gamma(double mean, double stdDev) =>
        new() { Kind = DistributionKind.Gamma, Mean = mean, StdDev = stdDev };

    public static DistributionSpec GammaShapeScale(double shape, double scale) =>
        new() { Kind = DistributionKind.Gamma, Shape = shape, Scale = scale };

    public static DistributionSpec Fixed(double value) =>
        new() { Kind = DistributionKind.Fixed, Value = value };

    public static DistributionSpec Uniform(double min, double max) =>
        new() { Kind = DistributionKind.Uniform, Min = min, Max = max };

    public static DistributionSpec Empirical(params double[] values) =>
        new() { Kind = DistributionKind.Empirical, Values = values };

    public static DistributionSpec EmpiricalWeighted(params WeightedValue[] points) =>
        new() { Kind = DistributionKind.Empirical, Points = points };

    /// <summary>
    /// Checks the spec; <paramref name="jsonPath"/> is where the spec sits in its document
    /// (e.g. <c>$.ticketClasses[1].handling.L2</c>) and prefixes every reported path.
    /// </summary>
    public IReadOnlyList<ValidationError> Validate(string jsonPath = "$")
    {
        var errors = new List<ValidationError>();
        Validate(jsonPath, errors);
        return errors;
    }

    internal void Validate(string path, List<ValidationError> errors)
    {
        ValidateKind(path, errors);
        ValidateBounds(path, errors);
    }

    private void ValidateKind(string path, List<ValidationError> errors)
    {
        var name = KindName(Kind);
        switch (Kind)
        {
            case DistributionKind.Exponential:
                SpecChecks.Positive(errors, path + ".mean", Mean);
                SpecChecks.NotUsed(errors, path + ".stdDev", StdDev, name);
                NotUsedExcept(errors, path, name, shapeScale: false, value: false, range: false, empirical: false);
                break;
            case DistributionKind.Lognormal:
                SpecChecks.Positive(errors, path + ".mean", Mean);
                SpecChecks.Positive(errors, path + ".stdDev", StdDev);
                NotUsedExcept(errors, path, name, shapeScale: false, value: false, range: false, empirical: false);
                break;
            case DistributionKind.Gamma:
                ValidateGamma(path, errors);
                NotUsedExcept(errors, path, name, shapeScale: true, value: false, range: false, empirical: false);
                break;
            case DistributionKind.Fixed:
                SpecChecks.NonNegative(errors, path + ".value", Value);
                NotUsedMoments(errors, path, name);
                NotUsedExcept(errors, path, name, shapeScale: false, value: true, range: false, empirical: false);
                break;
            case DistributionKind.Uniform:
                var minOk = SpecChecks.NonNegative(errors, path + ".min", Min);
                var maxOk = SpecChecks.NonNegative(errors, path + ".max", Max);
                if (minOk && maxOk && Max <= Min)
                {
                    errors.Add(new ValidationError(
                        path + ".max", ValidationError.Format(Max), $"must be > min ({ValidationError.Format(Min)})"));
                }

                NotUsedMoments(errors, path, name);
                NotUsedExcept(errors, path, name, shapeScale: false, value: false, range: true, empirical: false);
                break;
            case DistributionKind.Empirical:
                ValidateEmpirical(path, errors);
                NotUsedMoments(errors, path, name);
                NotUsedExcept(errors, path, name, shapeScale: false, value: false, range: false, empirical: true);
                break;
            default:
                errors.Add(new ValidationError(
                    path + ".kind",
                    Kind == 0 ? ValidationError.Missing : ((int)Kind).ToString(CultureInfo.InvariantCulture),
                    "must be one of exponential, lognormal, gamma, fixed, empirical, uniform"));
                break;
        }
    }

    /// <summary>
    /// Builds a reusable sampler; draws then allocate nothing. Throws
    /// <see cref="ArgumentException"/> listing every validation error when the spec is invalid.
    /// </summary>
    public ISampler CreateSampler()
    {
        var errors = Validate("$");
        if (errors.Count > 0)
        {
            throw new ArgumentException("Invalid distribution: " + string.Join("; ", errors));
        }

        switch (Kind)
        {
            case DistributionKind.Exponential:
                return new ExponentialSampler(Mean!.Value);
            case DistributionKind.Lognormal:
                return new LognormalSampler(Mean!.Value, StdDev!.Value);
            case DistributionKind.Gamma:
                if (Shape is { } shape)
                {
                    return new GammaSampler(shape, Scale!.Value);
                }

                var cv = StdDev!.Value / Mean!.Value;
                return new GammaSampler(1.0 / (cv * cv), StdDev.Value * cv);
            case DistributionKind.Fixed:
                return new FixedSampler(Value!.Value);
            case DistributionKind.Uniform:
                return new UniformSampler(Min!.Value, Max!.Value);
            default:
                return Values is { } values
                    ? new EmpiricalSampler([.. values])
                    : new WeightedEmpiricalSampler(Points!);
        }
    }

    /// <summary>
    /// Caps every parameter so draws stay far inside what durations and sums of them can hold:
    /// values in minutes at most a year, a spread between a thousandth and a thousand times the mean.
    /// </summary>
    private void ValidateBounds(string path, List<ValidationError> errors)
    {
        const double max = InputBounds.MaxMinutes;
        const string reason = "must be at most 525600 (365 days in minutes)";
        SpecChecks.AtMost(errors, path + ".mean", Mean, max, reason);
        SpecChecks.AtMost(errors, path + ".stdDev", StdDev, max, reason);
        SpecChecks.AtMost(errors, path + ".scale", Scale, max, reason);
        SpecChecks.AtMost(errors, path + ".value", Value, max, reason);
        SpecChecks.AtMost(errors, path + ".min", Min, max, reason);
        SpecChecks.AtMost(errors, path + ".max", Max, max, reason);
        SpecChecks.AtMost(errors, path + ".shape", Shape, 1e6, "must be at most 1000000");
        if (Shape is { } shape && double.IsFinite(shape) && shape > 0 && shape < 1e-3)
        {
            errors.Add(new ValidationError(path + ".shape", ValidationError.Format(shape), "must be at least 0.001"));
        }

        if (Kind is DistributionKind.Lognormal or DistributionKind.Gamma && Mean is { } mean && StdDev is { } sd
            && double.IsFinite(mean) && double.IsFinite(sd) && mean > 0 && sd > 0 && (sd / mean < 1e-3 || sd / mean > 1e3))
        {
            errors.Add(new ValidationError(path + ".stdDev", ValidationError.Format(sd), $"must be between 0.001 and 1000 times the mean ({ValidationError.Format(mean)})"));
        }

        if (Values is { } values)
        {
            for (var i = 0; i < values.Count; i++)
            {
                SpecChecks.AtMost(errors, $"{path}.values[{i}]", values[i], max, reason);
            }
        }

        if (Points is { } points)
        {
            for (var i = 0; i < points.Count; i++)
            {
                if (points[i] is { } point)
                {
                    SpecChecks.AtMost(errors, $"{path}.points[{i}].value", point.Value, max, reason);
                    SpecChecks.AtMost(errors, $"{path}.points[{i}].weight", point.Weight, 1e9, "must be at most 1000000000");
                }
            }
        }
    }

    private static string KindName(DistributionKind kind) => kind.ToString().ToLowerInvariant();

    private void ValidateGamma(string path, List<ValidationError> errors)
    {
        var byMoments = Mean is not null || StdDev is not null;
        var byShape = Shape is not null || Scale is not null;
        if (byMoments && byShape)
        {
            errors.Add(new ValidationError(
                path + ".shape", ValidationError.Format(Shape ?? Scale), "give either mean and stdDev, or shape and scale, not both"));
        }
        else if (byShape)
        {
            SpecChecks.Positive(errors, path + ".shape", Shape);
            SpecChecks.Positive(errors, path + ".scale", Scale);
        }
        else
        {
            SpecChecks.Positive(errors, path + ".mean", Mean);
            SpecChecks.Positive(errors, path + ".stdDev", StdDev);
        }
    }

    private void ValidateEmpirical(string path, List<ValidationError> errors)
    {
        if (Values is null && Points is null)
        {
            errors.Add(new ValidationError(path + ".values", ValidationError.Missing, "empirical needs values or points"));
            return;
        }

        if (Values is not null && Points is not null)
        {
            errors.Add(new ValidationError(path + ".points", $"[{Points.Count} items]", "give either values or points, not both"));
            return;
        }

        if (Values is { } values)
        {
            if (values.Count == 0)
            {
                errors.Add(new ValidationError(path + ".values", "[]", "must not be empty"));
            }

            for (var i = 0; i < values.Count; i++)
            {
                SpecChecks.NonNegative(errors, $"{path}.values[{i}]", values[i]);
            }

            return;
        }

        var points = Points!;
        if (points.Count == 0)
        {
            errors.Add(new ValidationError(path + ".points", "[]", "must not be empty"));
            return;
        }

        var total = 0.0;
        var errorsBefore = errors.Count;
        for (var i = 0; i < points.Count; i++)
        {
            if (points[i] is null)
            {
                errors.Add(new ValidationError($"{path}.points[{i}]", "null", "must be an object with value and weight"));
                continue;
            }

            SpecChecks.NonNegative(errors, $"{path}.points[{i}].value", points[i].Value);
            if (SpecChecks.NonNegative(errors, $"{path}.points[{i}].weight", points[i].Weight))
            {
                total += points[i].Weight;
            }
        }

        if (total <= 0 && errors.Count == errorsBefore)
        {
            errors.Add(new ValidationError(path + ".points", $"[{points.Count} items]", "weights must not all be zero"));
        }
    }

    private void NotUsedMoments(List<ValidationError> errors, string path, string name)
    {
        SpecChecks.NotUsed(errors, path + ".mean", Mean, name);
        SpecChecks.NotUsed(errors, path + ".stdDev", StdDev, name);
    }

    private void NotUsedExcept(
        List<ValidationError> errors, string path, string name, bool shapeScale, bool value, bool range, bool empirical)
    {
        if (!shapeScale)
        {
            SpecChecks.NotUsed(errors, path + ".shape", Shape, name);
            SpecChecks.NotUsed(errors, path + ".scale", Scale, name);
        }

        if (!value)
        {
            SpecChecks.NotUsed(errors, path + ".value", Value, name);
        }

        if (!range)
        {
            SpecChecks.NotUsed(errors, path + ".min", Min, name);
            SpecChecks.NotUsed(errors, path + ".max", Max, name);
        }

        if (!empirical)
        {
            SpecChecks.NotUsed(errors, path + ".values", Values, name);
            SpecChecks.NotUsed(errors, path + ".points", Points, name);
        }
    }
}
