namespace FormationControl.Core.Json;

/// <summary>One "name": value pair; <see cref="NameLocation"/> is where the name's opening quote is.</summary>
internal sealed record JsonSourceProperty(string Name, SourceLocation NameLocation, JsonSourceNode Value);
