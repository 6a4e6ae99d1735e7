namespace FormationControl.Storage.Tests;

public class FormationStoreOptionsTests
{
    public static TheoryData<FormationStoreOptions, string> InvalidOptions => new()
    {
        { new FormationStoreOptions { FlushInterval = TimeSpan.Zero }, "FlushInterval" },
        { new FormationStoreOptions { CheckpointInterval = TimeSpan.FromSeconds(-1) }, "CheckpointInterval" },
        { new FormationStoreOptions { MaxBatch = 0 }, "MaxBatch" },
        { new FormationStoreOptions { SampleBlockSize = 1 }, "SampleBlockSize" },
        { new FormationStoreOptions { SampleBlockSize = 70_000 }, "SampleBlockSize" },
        { new FormationStoreOptions { MaxBufferedSamples = 0 }, "MaxBufferedSamples" },
    };

    [Theory]
    [MemberData(nameof(InvalidOptions))]
    public void InvalidOptionIsNamed(FormationStoreOptions options, string option)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => options.Validated());

        Assert.Equal(option, error.ParamName);
    }

    [Fact]
    public void DefaultsAreValidAndCopied()
    {
        var options = new FormationStoreOptions { CheckpointInterval = null };

        var validated = options.Validated();
        options.MaxBatch = 3;

        Assert.NotSame(options, validated);
        Assert.Equal(10_000, validated.MaxBatch);
        Assert.Equal(TimeSpan.FromSeconds(1), validated.FlushInterval);
        Assert.Null(validated.CheckpointInterval);
        Assert.Equal(256, validated.SampleBlockSize);
    }
}
