using System.Net;
using System.Net.Sockets;

namespace SupportQueue.Grains;

/// <summary>
/// Free loopback ports for a silo of this process's own. A silo binds its ports with address reuse,
/// so two silos given the same port both start and then take each other's messages: the ports
/// handed out here are free when asked for, differ from each other, and are never handed out twice
/// by this process, however many silos it starts at once.
/// </summary>
public static class LoopbackPorts
{
    private static readonly HashSet<int> _handedOut = [];

    /// <summary>A silo port and a gateway port.</summary>
    public static (int Silo, int Gateway) ForSilo()
    {
        lock (_handedOut)
        {
            while (true)
            {
                // Both listeners are open at once, so the two differ; they close before the silo binds.
                using var silo = new TcpListener(IPAddress.Loopback, 0);
                using var gateway = new TcpListener(IPAddress.Loopback, 0);
                silo.Start();
                gateway.Start();
                var ports = (((IPEndPoint)silo.LocalEndpoint).Port, ((IPEndPoint)gateway.LocalEndpoint).Port);
                if (!_handedOut.Contains(ports.Item1) && !_handedOut.Contains(ports.Item2))
                {
                    _handedOut.Add(ports.Item1);
                    _handedOut.Add(ports.Item2);
                    return ports;
                }
            }
        }
    }
}
