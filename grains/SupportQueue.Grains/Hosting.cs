namespace SupportQueue.Grains;

/// <summary>Names the grains and the host agree on.</summary>
public static class Hosting
{
    /// <summary>The grain storage provider every SupportQueue grain persists through.</summary>
    public const string StorageName = "supportqueue";
}
