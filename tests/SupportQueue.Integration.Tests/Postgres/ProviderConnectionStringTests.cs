using Npgsql;
using SupportQueue.Hosting;

namespace SupportQueue.Integration.Tests.Postgres;

/// <summary>The connection defaults the silo adds for Orleans' providers, and that the operator's own settings win.</summary>
public sealed class ProviderConnectionStringTests
{
    [Fact]
    public void Unset_prepare_and_reset_settings_get_the_silo_defaults()
    {
        var result = new NpgsqlConnectionStringBuilder(PostgresHosting.ProviderConnectionString("Host=127.0.0.1;Port=5432;Username=u;Password=p"));

        Assert.Equal(32, result.MaxAutoPrepare);
        Assert.True(result.NoResetOnClose);
        Assert.Equal(("127.0.0.1", 5432, "u"), (result.Host, result.Port, result.Username));
    }

    [Theory]
    [InlineData("Host=h;Max Auto Prepare=0;No Reset On Close=false")]
    [InlineData("Host=h;maxautoprepare=0;noresetonclose=false")]
    public void Settings_the_operator_gave_are_kept(string given)
    {
        var result = new NpgsqlConnectionStringBuilder(PostgresHosting.ProviderConnectionString(given));

        Assert.Equal(0, result.MaxAutoPrepare);
        Assert.False(result.NoResetOnClose);
    }
}
