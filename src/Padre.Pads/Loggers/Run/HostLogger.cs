using System.Net.NetworkInformation;
using System.Net.Sockets;
using Padre.Pads.Stores;

namespace Padre.Pads.Loggers.Run;

/// <summary>
/// Records which machine ran: host name, IP addresses and MAC addresses of the interfaces that are up.
/// On by default because comparing runs across machines needs it; switch it off with
/// <c>PADRE_LOGGERS_DISABLED=host</c> where these identify a person or must not leave the machine.
/// </summary>
internal sealed class HostLogger : IRunLogger
{
    public string Name => "host";

    public void OnRunStarted(IRunWriter run)
    {
        var unavailable = new Unavailable(Name);
        run.SetTag("padre.host.name", Environment.MachineName);
        try
        {
            var interfaces = NetworkInterface.GetAllNetworkInterfaces()
                .Where(n => n.OperationalStatus == OperationalStatus.Up && n.NetworkInterfaceType != NetworkInterfaceType.Loopback)
                .ToList();
            var addresses = interfaces
                .SelectMany(n => n.GetIPProperties().UnicastAddresses)
                .Select(a => a.Address)
                .Where(a => a.AddressFamily is AddressFamily.InterNetwork or AddressFamily.InterNetworkV6 && !System.Net.IPAddress.IsLoopback(a))
                .OrderBy(a => a.AddressFamily == AddressFamily.InterNetwork ? 0 : 1)
                .Select(a => a.ToString())
                .Distinct()
                .ToList();
            run.SetTag("padre.host.ip", addresses.Count > 0 ? string.Join(", ", addresses) : "none");
            var macs = interfaces
                .Select(n => n.GetPhysicalAddress().GetAddressBytes())
                .Where(bytes => bytes.Length > 0 && bytes.Any(b => b != 0))
                .Select(bytes => string.Join(":", bytes.Select(b => b.ToString("x2", System.Globalization.CultureInfo.InvariantCulture))))
                .Distinct()
                .ToList();
            run.SetTag("padre.host.mac", macs.Count > 0 ? string.Join(", ", macs) : "none");
        }
        catch (Exception e) when (e is NetworkInformationException or PlatformNotSupportedException or IOException or UnauthorizedAccessException)
        {
            unavailable.Add("ip, mac", $"network interfaces could not be listed ({e.Message})");
        }
        unavailable.WriteTo(run);
    }

    public void OnRunEnding(IRunWriter run, RunStatus status)
    {
    }
}
