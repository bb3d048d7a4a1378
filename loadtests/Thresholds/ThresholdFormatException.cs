namespace SupportQueue.LoadTests.Thresholds;

/// <summary>Threshold text that could not be parsed; the message names the text and the problem.</summary>
public sealed class ThresholdFormatException : FormatException
{
    /// <summary>Creates the exception.</summary>
    public ThresholdFormatException(string text, string reason)
        : base($"Invalid threshold \"{text}\": {reason}.")
    {
        Text = text;
        Reason = reason;
    }

    /// <summary>The offending threshold text.</summary>
    public string Text { get; }

    /// <summary>What is wrong with it.</summary>
    public string Reason { get; }
}
