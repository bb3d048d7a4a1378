namespace SupportQueue.Grains;

/// <summary>Installs <see cref="IDeskDiagnostics"/> on a silo.</summary>
public static class DeskDiagnosticsSiloBuilderExtensions
{
    /// <summary>
    /// Lets this silo's desks answer <see cref="IDeskDiagnostics"/> (invariant audit, simulation
    /// journal). For simulation, test and load-test silos; production silos leave it out.
    /// </summary>
    public static ISiloBuilder AddDeskDiagnostics(this ISiloBuilder silo)
    {
        ArgumentNullException.ThrowIfNull(silo);
        return silo.AddGrainExtension<IDeskDiagnostics, DeskDiagnostics>();
    }
}
