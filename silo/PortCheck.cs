using System.Net;
using System.Net.Sockets;

namespace SupportQueue.Silo;

/// <summary>
/// Refuses ports another process already listens on. Orleans binds its ports with address reuse
/// (on Linux that includes SO_REUSEPORT), so a second silo given a running silo's ports would
/// start silently and take half of its connections; a plain bind without reuse fails instead.
/// </summary>
internal static class PortCheck
{
    /// <summary>One line per taken port, naming the setting to change; empty when all are free.</summary>
    public static List<string> Taken(params (string Setting, int Port)[] ports)
    {
        var taken = new List<string>();
        foreach (var (setting, port) in ports)
        {
            if (port is <= 0 or > IPEndPoint.MaxPort || IsFree(port))
            {
                continue;
            }

            taken.Add($"{setting}: port {port} is already in use by another process — choose a free port (e.g. --{setting}=<port>)");
        }

        return taken;
    }

    private static bool IsFree(int port)
    {
        // The silo listens on loopback or every address; either way a listener on the port
        // anywhere makes a plain bind of the any-address fail.
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            socket.Bind(new IPEndPoint(IPAddress.Any, port));
            socket.Listen();
            return true;
        }
        catch (SocketException ex) when (ex.SocketErrorCode is SocketError.AddressAlreadyInUse or SocketError.AccessDenied)
        {
            return false;
        }
    }
}
