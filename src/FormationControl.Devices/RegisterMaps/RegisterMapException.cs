namespace FormationControl.Devices.RegisterMaps;

/// <summary>A register map file that cannot be used; the message names the file and the JSON path.</summary>
public sealed class RegisterMapException(string message, Exception? inner = null) : Exception(message, inner);
