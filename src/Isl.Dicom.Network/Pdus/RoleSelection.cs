namespace Isl.Dicom.Network.Pdus;

/// <summary>An SCP/SCU Role Selection sub-item (PS3.7 D.3.3.4); tolerated and not required.</summary>
/// <param name="SopClassUid">The SOP class the roles apply to.</param>
/// <param name="ScuRole">The proposer may act as SCU.</param>
/// <param name="ScpRole">The proposer may act as SCP.</param>
public sealed record RoleSelection(string SopClassUid, bool ScuRole, bool ScpRole);
