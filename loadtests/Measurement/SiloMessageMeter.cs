using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace SupportQueue.LoadTests.Measurement;

/// <summary>
/// Messages each in-process silo received, from Orleans' own meter: the observable counter
/// <c>orleans-messaging-processing-dispatcher-received</c> of the "Microsoft.Orleans" meter, which
/// counts every message delivered to an activation, local or remote. Orleans creates that meter
/// from each silo's own <see cref="IMeterFactory"/>, so the meter's scope tells the silos of one
/// process apart. (The silo statistics' ReceivedMessages is one process-wide sum of message sizes,
/// and reads 0 here.)
/// </summary>
public sealed class SiloMessageMeter : IDisposable
{
    public const string MeterName = "Microsoft.Orleans";
    public const string InstrumentName = "orleans-messaging-processing-dispatcher-received";

    private readonly MeterListener _listener = new();
    private readonly ConcurrentDictionary<object, string> _silos = new();
    private readonly ConcurrentDictionary<string, long> _totals = new(StringComparer.Ordinal);
    private readonly Lock _reading = new();

    public SiloMessageMeter()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == MeterName && instrument.Name == InstrumentName)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>(OnMeasurement);
        _listener.SetMeasurementEventCallback<int>((i, m, t, s) => OnMeasurement(i, m, t, s));
        _listener.Start();
    }

    /// <summary>Attributes the measurements of meters created by <paramref name="meterFactory"/> (a silo's) to <paramref name="silo"/>.</summary>
    public void Register(IMeterFactory meterFactory, string silo)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        _silos[meterFactory] = silo;
    }

    /// <summary>Messages received per registered silo since it was registered (cumulative).</summary>
    public IReadOnlyDictionary<string, long> Read()
    {
        lock (_reading)
        {
            // Observable counters report their running totals when asked; the callback sums the tags.
            _totals.Clear();
            _listener.RecordObservableInstruments();
            return new Dictionary<string, long>(_totals, StringComparer.Ordinal);
        }
    }

    private void OnMeasurement(Instrument instrument, long value, ReadOnlySpan<KeyValuePair<string, object?>> tags, object? state)
    {
        if (instrument.Meter.Scope is { } scope && _silos.TryGetValue(scope, out var silo))
        {
            _totals.AddOrUpdate(silo, value, (_, v) => v + value);
        }
    }

    public void Dispose() => _listener.Dispose();
}
