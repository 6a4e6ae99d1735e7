namespace FormationControl.Storage;

/// <summary>Argument checks shared by the write methods.</summary>
internal static class RecordCheck
{
    public static void NotEmpty(string? value, string parameter, string property)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new ArgumentException($"{parameter}.{property} must not be empty.", parameter);
        }
    }
}
