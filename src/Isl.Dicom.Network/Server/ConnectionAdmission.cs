using System.Net;

namespace Isl.Dicom.Network.Server;

/// <summary>
/// Who may hold what on the SCP. A new connection is only <em>pending</em> (bounded per source address and in total);
/// it takes one of the <see cref="DicomServerOptions.MaxAssociations"/> slots only once its A-ASSOCIATE-RQ has arrived,
/// so sockets that never ask for an association cannot lock legitimate callers out.
/// </summary>
internal sealed class ConnectionAdmission
{
    private readonly Dictionary<IPAddress, int> _pendingByAddress = [];
    private readonly Lock _lock = new();
    private readonly int _maxPending;
    private readonly int _maxPendingPerAddress;
    private readonly int _maxAssociations;
    private int _pending;
    private int _associations;

    public ConnectionAdmission(int maxPending, int maxPendingPerAddress, int maxAssociations)
    {
        _maxPending = maxPending;
        _maxPendingPerAddress = maxPendingPerAddress;
        _maxAssociations = maxAssociations;
    }

    /// <summary>Connections that have not yet been given an association slot.</summary>
    public int Pending
    {
        get
        {
            lock (_lock)
            {
                return _pending;
            }
        }
    }

    /// <summary>Associations holding a slot.</summary>
    public int Associations
    {
        get
        {
            lock (_lock)
            {
                return _associations;
            }
        }
    }

    /// <summary>Admits a new connection as pending, or returns null (and the reason) when its address or the server has too many.</summary>
    public AdmittedConnection? TryAdmit(IPAddress? address, out string? refusal)
    {
        var key = Normalize(address);
        lock (_lock)
        {
            if (_pending >= _maxPending)
            {
                refusal = $"{_pending} connections are already waiting for their association request (limit {_maxPending})";
                return null;
            }

            var fromAddress = _pendingByAddress.GetValueOrDefault(key);
            if (fromAddress >= _maxPendingPerAddress)
            {
                refusal = $"{fromAddress} connections from {key} are already waiting for their association request (limit {_maxPendingPerAddress})";
                return null;
            }

            _pendingByAddress[key] = fromAddress + 1;
            _pending++;
            refusal = null;
            return new AdmittedConnection(this, key);
        }
    }

    /// <summary>Moves a pending connection to an association slot; false when all slots are taken (it stays pending until released).</summary>
    internal bool TryAssociate(IPAddress key)
    {
        lock (_lock)
        {
            if (_associations >= _maxAssociations)
            {
                return false;
            }

            LeavePending(key);
            _associations++;
            return true;
        }
    }

    internal void Release(IPAddress key, bool associated)
    {
        lock (_lock)
        {
            if (associated)
            {
                _associations--;
            }
            else
            {
                LeavePending(key);
            }
        }
    }

    private static IPAddress Normalize(IPAddress? address) =>
        address is null ? IPAddress.None : address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;

    private void LeavePending(IPAddress key)
    {
        _pending--;
        var left = _pendingByAddress[key] - 1;
        if (left == 0)
        {
            _pendingByAddress.Remove(key);
        }
        else
        {
            _pendingByAddress[key] = left;
        }
    }
}
