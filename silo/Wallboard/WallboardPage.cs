namespace SupportQueue.Silo.Wallboard;

/// <summary>The wallboard page: one self-contained HTML file (no build step, nothing from a CDN), read once from the assembly.</summary>
internal static class WallboardPage
{
    private const string ResourceName = "SupportQueue.Silo.Wallboard.wallboard.html";

    // The page loads nothing from elsewhere and talks only to this silo; its one script and style are inline.
    private const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    private static readonly Lazy<byte[]> _html = new(() =>
    {
        using var stream = typeof(WallboardPage).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"the wallboard page ({ResourceName}) is missing from the silo's assembly");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    });

    public static IResult Result() => new PageResult();

    private sealed class PageResult : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            var headers = httpContext.Response.Headers;
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            headers.CacheControl = "no-cache";
            headers["X-Content-Type-Options"] = "nosniff";
            headers["Referrer-Policy"] = "no-referrer";
            return Results.Bytes(_html.Value, "text/html; charset=utf-8").ExecuteAsync(httpContext);
        }
    }
}
