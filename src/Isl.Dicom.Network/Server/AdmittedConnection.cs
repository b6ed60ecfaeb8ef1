using System.Net;

namespace Isl.Dicom.Network.Server;

/// <summary>One connection's place in <see cref="ConnectionAdmission"/>: pending until <see cref="TryAssociate"/>, released on dispose.</summary>
internal sealed class AdmittedConnection : IDisposable
{
    private readonly ConnectionAdmission _admission;
    private readonly IPAddress _address;
    private bool _associated;
    private bool _released;

    internal AdmittedConnection(ConnectionAdmission admission, IPAddress address)
    {
        _admission = admission;
        _address = address;
    }

    /// <summary>Takes an association slot (once the A-ASSOCIATE-RQ arrived); false when none is free.</summary>
    public bool TryAssociate()
    {
        if (_associated || _released)
        {
            return _associated;
        }

        _associated = _admission.TryAssociate(_address);
        return _associated;
    }

    /// <summary>Gives back the pending place or the association slot.</summary>
    public void Dispose()
    {
        if (_released)
        {
            return;
        }

        _released = true;
        _admission.Release(_address, _associated);
    }
}
