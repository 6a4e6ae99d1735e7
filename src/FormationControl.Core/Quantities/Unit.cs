namespace FormationControl.Core.Quantities;

/// <summary>A unit symbol and how many base units of its dimension it is worth.</summary>
internal sealed record Unit(string Symbol, Dimension Dimension, decimal Scale);
