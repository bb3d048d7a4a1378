using Microsoft.Playwright;

namespace SupportQueue.Silo.Tests;

/// <summary>
/// The wallboard in a real browser (Debian's chromium through Playwright): it asks for a key,
/// shows the desk, and its waiting number changes when a ticket is submitted over REST.
/// </summary>
[Collection(LiveCollection.Name)]
public sealed class WallboardBrowserTests(LiveHost host)
{
    [ChromiumFact]
    public async Task The_waiting_number_goes_up_in_the_browser_after_a_submit()
    {
        Assert.True(Chromium.Path is not null, "chromium is not installed; CI installs it with apt-get install -y chromium (.ci/run)");
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium.Path,
            Args = ["--no-sandbox"],
            Headless = true,
        });
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1600, Height = 900 } });
        await page.GotoAsync(new Uri(host.Address, $"/wallboard/{LiveHost.Desk}").ToString());

        // No key yet: the page asks for one, and a key for another desk is refused with the reason.
        var key = page.GetByLabel("API key");
        await Assertions.Expect(key).ToBeVisibleAsync();
        await key.FillAsync(host.OtherDeskKey);
        await key.PressAsync("Enter");
        await Assertions.Expect(page.Locator("#login-error")).ToContainTextAsync("elsewhere");

        await key.FillAsync(host.SubmitterKey);
        await key.PressAsync("Enter");
        var waiting = page.GetByTestId("waiting-L1");
        var before = int.Parse(await WaitForNumberAsync(waiting), System.Globalization.CultureInfo.InvariantCulture);
        await Assertions.Expect(page.Locator("#state")).ToHaveTextAsync("live");
        await Assertions.Expect(key).ToBeHiddenAsync();

        var ticket = "browser-" + Guid.NewGuid().ToString("N")[..8];
        await host.Send(HttpMethod.Post, "/tickets", $$"""{"ticketId":"{{ticket}}","deskId":"{{LiveHost.Desk}}","priority":"P2"}""", key: host.SubmitterKey, expect: 201);

        await Assertions.Expect(waiting).ToHaveTextAsync((before + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), new() { Timeout = 15_000 });
        await Assertions.Expect(page.GetByTestId("total-waiting")).ToHaveTextAsync((before + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));

        // The key stays in the tab: a reload connects without asking again.
        await page.ReloadAsync();
        await Assertions.Expect(page.Locator("#state")).ToHaveTextAsync("live");
        await Assertions.Expect(key).ToBeHiddenAsync();

        var screenshot = Environment.GetEnvironmentVariable("SUPPORTQUEUE_WALLBOARD_SCREENSHOT");
        if (!string.IsNullOrEmpty(screenshot))
        {
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = screenshot, FullPage = true });
        }
    }

    // The number as first rendered (a digit string), once the stream has delivered.
    private static async Task<string> WaitForNumberAsync(ILocator locator)
    {
        await Assertions.Expect(locator).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^[0-9]+$"));
        return await locator.InnerTextAsync();
    }
}
