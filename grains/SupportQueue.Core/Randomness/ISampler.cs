namespace SupportQueue.Core.Randomness;

/// <summary>
/// A prepared distribution. The random stream is passed per draw, not held, so one sampler can
/// serve several streams (e.g. two policies run on common random numbers) and draws allocate nothing.
/// </summary>
public interface ISampler
{
    /// <summary>Draws one value, consuming uniforms from <paramref name="rng"/> only.</summary>
    double Sample(RandomStream rng);

    /// <summary>Theoretical mean.</summary>
    double Mean { get; }

    /// <summary>Theoretical variance.</summary>
    double Variance { get; }
}
