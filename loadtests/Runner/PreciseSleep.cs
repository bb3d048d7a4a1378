using System.Diagnostics;
using System.Runtime.InteropServices;

namespace SupportQueue.LoadTests.Runner;

/// <summary>
/// Sub-millisecond waits for the open-model dispatcher on the real clock. <c>Task.Delay</c> and the
/// .NET timer queue resolve to whole milliseconds and then hop through the thread pool, which made the
/// dispatcher start requests ~2 ms late at the median and ~7–9 ms at p99 with a no-op step; with
/// coordinated-omission correction that lateness is charged to the system under test. On Linux a
/// dedicated thread sleeps with <c>clock_nanosleep</c> (timer slack lowered to 1 µs for that thread);
/// where that is not available the dispatcher keeps to timers and never calls <see cref="Until"/>.
/// </summary>
internal static partial class PreciseSleep
{
    private const int ClockMonotonic = 1;
    private const int PrSetTimerSlack = 29;
    private const long NanosPerSecond = 1_000_000_000;

    // Long waits sleep in slices so a cancellation is noticed within this much.
    private static readonly long _sliceTicks = Stopwatch.Frequency / 20;

    /// <summary>Whether nanosecond sleeps are available here.</summary>
    public static bool IsPrecise { get; } = OperatingSystem.IsLinux() && Probe();

    /// <summary>Asks the kernel to wake this thread as close as it can to the requested times.</summary>
    public static void TightenTimerSlackForThisThread()
    {
        if (IsPrecise)
        {
            _ = Prctl(PrSetTimerSlack, 1, 0, 0, 0);
        }
    }

    /// <summary>
    /// Blocks the calling thread until <see cref="Stopwatch.GetTimestamp"/> reaches <paramref name="timestamp"/>.
    /// Only where <see cref="IsPrecise"/>.
    /// </summary>
    public static void Until(long timestamp, CancellationToken cancellationToken)
    {
        if (!IsPrecise)
        {
            throw new PlatformNotSupportedException("clock_nanosleep is not available here; use a timer.");
        }

        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var remaining = timestamp - Stopwatch.GetTimestamp();
            if (remaining <= 0)
            {
                return;
            }

            var slice = Math.Min(remaining, _sliceTicks);
            var nanos = (long)(slice * ((double)NanosPerSecond / Stopwatch.Frequency));
            var request = new Timespec { Seconds = nanos / NanosPerSecond, Nanoseconds = nanos % NanosPerSecond };
            // Interrupted sleeps (EINTR) just go round the loop with a fresh remainder.
            _ = ClockNanosleep(ClockMonotonic, 0, in request, IntPtr.Zero);
        }
    }

    private static bool Probe()
    {
        try
        {
            var zero = default(Timespec);
            return ClockNanosleep(ClockMonotonic, 0, in zero, IntPtr.Zero) == 0;
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
        {
            return false;
        }
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct Timespec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [LibraryImport("libc", EntryPoint = "clock_nanosleep")]
    private static partial int ClockNanosleep(int clockId, int flags, in Timespec request, IntPtr remaining);

    [LibraryImport("libc", EntryPoint = "prctl")]
    private static partial int Prctl(int option, ulong arg2, ulong arg3, ulong arg4, ulong arg5);
}
