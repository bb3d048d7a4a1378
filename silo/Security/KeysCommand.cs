using Npgsql;
using SupportQueue.Core.Model;
using SupportQueue.Hosting;
using SupportQueue.Hosting.Database;

namespace SupportQueue.Silo.Security;

/// <summary>
/// <c>keys create --desk D --role admin|agent|submitter [--agent A]</c>, <c>keys revoke KEY-ID</c>,
/// <c>keys list</c>. Keys are kept in PostgreSQL; in memory mode they live in the silo process, which
/// prints a cluster admin key at start-up instead.
/// </summary>
public static class KeysCommand
{
    public const string Usage = "usage: keys create --desk D --role admin|agent|submitter [--agent A] | keys revoke KEY-ID | keys list   (desk '*' with role admin: every desk)";

    public static async Task<int> RunAsync(IReadOnlyList<string> args, SupportQueueOptions options, TextWriter output, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(clock);
        if (options.Storage != StorageKind.PostgreSQL)
        {
            await output.WriteLineAsync("keys: keys are stored in PostgreSQL (SupportQueue:Storage=PostgreSQL). In memory mode a silo with SupportQueue:Auth:Enabled=true prints a cluster admin key when it starts.");
            return 2;
        }

        var store = new PostgresApiKeyStore(options.ConnectionString!);
        try
        {
            return await RunAsync(args, options.ConnectionString!, store, output, clock);
        }
        catch (NpgsqlException e)
        {
            // The database went away or refused after the check: one line, not a stack trace.
            await output.WriteLineAsync($"keys: PostgreSQL failed: {e.Message}");
            return 3;
        }
    }

    private static async Task<int> RunAsync(IReadOnlyList<string> args, string connectionString, PostgresApiKeyStore store, TextWriter output, TimeProvider clock)
    {
        switch (args.ToArray())
        {
            case ["create", .. var rest]:
                return await CreateAsync(rest, connectionString, store, output, clock);
            case ["revoke", var id]:
                if (await NotReadyAsync(connectionString, output))
                {
                    return 3;
                }

                var revoked = await store.RevokeAsync(id, clock.GetUtcNow());
                await output.WriteLineAsync(revoked ? $"revoked {id} (silos stop accepting it within their key cache time)" : $"no live key with id {id}");
                return revoked ? 0 : 1;
            case ["list"]:
                if (await NotReadyAsync(connectionString, output))
                {
                    return 3;
                }

                foreach (var key in await store.ListAsync())
                {
                    await output.WriteLineAsync(FormattableString.Invariant(
                        $"{key.KeyId}  desk={key.DeskId}  role={key.Role.ToString().ToLowerInvariant()}{(key.AgentId is null ? "" : "  agent=" + key.AgentId)}  created={key.CreatedAt:u}{(key.RevokedAt is { } at ? $"  REVOKED {at:u}" : "")}"));
                }

                return 0;
            default:
                await output.WriteLineAsync(Usage);
                return 2;
        }
    }

    /// <summary>Unreachable server, wrong password, missing database or schema: says what to do (exit 3, as a silo start would).</summary>
    private static async Task<bool> NotReadyAsync(string connectionString, TextWriter output)
    {
        try
        {
            await DatabaseCheck.VerifyAsync(connectionString);
            return false;
        }
        catch (DatabaseNotReadyException e)
        {
            await output.WriteLineAsync(e.Message);
            return true;
        }
    }

    private static async Task<int> CreateAsync(IReadOnlyList<string> args, string connectionString, PostgresApiKeyStore store, TextWriter output, TimeProvider clock)
    {
        string? desk = null, role = null, agent = null;
        for (var i = 0; i < args.Count; i += 2)
        {
            var value = i + 1 < args.Count ? args[i + 1] : null;
            switch (args[i])
            {
                case "--desk": desk = value; break;
                case "--role": role = value; break;
                case "--agent": agent = value; break;
                default:
                    await output.WriteLineAsync($"keys create: unknown option '{args[i]}'. {Usage}");
                    return 2;
            }
        }

        try
        {
            // Keys name desks and agents by the ids the cluster stores; one it could never hold is refused here.
            if (desk is not null && desk != ApiKeyRecord.AllDesks)
            {
                StoredId.Require("desk", desk);
            }

            if (agent is not null)
            {
                StoredId.Require("agent", agent);
            }
        }
        catch (SupportQueueException e)
        {
            await output.WriteLineAsync("keys create: " + e.Message);
            return 2;
        }

        if (string.IsNullOrWhiteSpace(desk) || !Enum.TryParse<ApiRole>(role, ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed) || int.TryParse(role, out _))
        {
            await output.WriteLineAsync($"keys create: --desk and --role (admin, agent or submitter) are required; got desk '{desk}', role '{Printable(role)}'. {Usage}");
            return 2;
        }

        if ((parsed == ApiRole.Agent) != (agent is not null))
        {
            await output.WriteLineAsync("keys create: --agent is required with --role agent, and only with it");
            return 2;
        }

        if (desk == ApiKeyRecord.AllDesks && parsed != ApiRole.Admin)
        {
            await output.WriteLineAsync("keys create: desk '*' (every desk) is for admin keys only");
            return 2;
        }

        if (await NotReadyAsync(connectionString, output))
        {
            return 3;
        }

        var (id, key) = ApiKeys.Generate();
        await store.AddAsync(new ApiKeyRecord(id, ApiKeys.Hash(key), desk, parsed, agent, clock.GetUtcNow(), null));
        await output.WriteLineAsync($"key id {id}: {parsed.ToString().ToLowerInvariant()} on desk {desk}{(agent is null ? "" : " as agent " + agent)}");
        await output.WriteLineAsync(key);
        await output.WriteLineAsync("This is the only time the key is shown; only its SHA-256 hash is stored. Send it as the X-Api-Key header.");
        return 0;
    }

    // A bad --role is echoed; its control characters are shown, not sent to the terminal.
    private static string Printable(string? text) =>
        string.Concat((text ?? "").Select(c => char.IsControl(c) ? FormattableString.Invariant($"\\u{(int)c:X4}") : c.ToString()));
}
