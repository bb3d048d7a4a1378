-- SupportQueue migration 0001: tables and query texts for Orleans' ADO.NET providers
-- (grain persistence, clustering, reminders), written for PostgreSQL 15 from the providers'
-- query contract. Never edit an applied migration: the migrator records its checksum and
-- refuses to start against a changed file. Add 0002_*.sql.
--
-- Names are unquoted (so lower case) because the providers read the catalog with an
-- unqualified, unquoted `SELECT QueryKey, QueryText FROM OrleansQuery`.
-- Every time column is timestamptz: Npgsql sends DateTime parameters as timestamptz, and
-- a plain timestamp column would shift values by the session time zone.

-- The providers' query catalog. QueryKey is the primary key because a duplicate makes the
-- providers' ToDictionary/Single throw at start.
CREATE TABLE orleansquery
(
    querykey  varchar(64) NOT NULL PRIMARY KEY,
    querytext text        NOT NULL
);

-- Grain state. The natural key is (serviceid, graintypestring, grainidn0, grainidn1,
-- grainidextensionstring); the hashes are kept only for diagnostics because they depend on
-- the configured hasher, so the queries never rely on them for identity.
CREATE TABLE orleans_storage
(
    serviceid              text        NOT NULL,
    graintypestring        text        NOT NULL,
    grainidn0              bigint      NOT NULL,
    grainidn1              bigint      NOT NULL,
    grainidextensionstring text        NULL,
    grainidhash            integer     NOT NULL,
    graintypehash          integer     NOT NULL,
    payloadbinary          bytea       NULL,
    version                integer     NOT NULL,
    modifiedon             timestamptz NOT NULL DEFAULT now(),
    -- NULLS NOT DISTINCT: integer and GUID keys without an extension store NULL there, and
    -- two such rows for one grain would make the provider's SingleOrDefault throw.
    CONSTRAINT orleans_storage_natural_key UNIQUE NULLS NOT DISTINCT
        (serviceid, grainidn1, grainidn0, graintypestring, grainidextensionstring)
);

-- One table version per cluster (DeploymentId = ClusterOptions.ClusterId).
CREATE TABLE orleans_membership_version
(
    deploymentid text        NOT NULL PRIMARY KEY,
    version      integer     NOT NULL DEFAULT 0,
    modifiedon   timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE orleans_membership
(
    -- Cascade: deleting a cluster's version row removes the whole cluster in one statement.
    deploymentid text        NOT NULL REFERENCES orleans_membership_version (deploymentid) ON DELETE CASCADE,
    address      text        NOT NULL,
    port         integer     NOT NULL,
    generation   integer     NOT NULL,
    siloname     text        NOT NULL,
    hostname     text        NOT NULL,
    status       integer     NOT NULL,
    proxyport    integer     NOT NULL DEFAULT 0,
    suspecttimes text        NULL,
    starttime    timestamptz NOT NULL,
    iamalivetime timestamptz NOT NULL,
    PRIMARY KEY (deploymentid, address, port, generation)
);

CREATE TABLE orleans_reminders
(
    serviceid    text        NOT NULL,
    grainid      text        NOT NULL,
    remindername text        NOT NULL,
    starttime    timestamptz NOT NULL,
    -- Milliseconds; Orleans binds bigint once a period passes int.MaxValue ms (~24.8 days).
    period       bigint      NOT NULL,
    -- Signed: Orleans casts the uint ring hash to int, and range reads compare signed values.
    grainhash    integer     NOT NULL,
    version      integer     NOT NULL,
    PRIMARY KEY (serviceid, grainid, remindername)
);

-- The reminder service reads its slice of the hash ring on every refresh.
CREATE INDEX orleans_reminders_ring ON orleans_reminders (serviceid, grainhash);

-- Query texts. Upserted so that a later migration can replace a text the same way.
INSERT INTO orleansquery (querykey, querytext) VALUES

-------------------------------------------------------------------------------------------
-- Grain persistence
-------------------------------------------------------------------------------------------
('ReadFromStorageKey', $q$
SELECT payloadbinary, version
FROM orleans_storage
WHERE serviceid = @ServiceId
  AND grainidn1 = @GrainIdN1
  AND grainidn0 = @GrainIdN0
  AND graintypestring = @GrainTypeString
  AND grainidextensionstring IS NOT DISTINCT FROM @GrainIdExtensionString;
$q$),

-- A NULL expected version means "the grain saw no row": only an insert may succeed.
-- Otherwise only an update of the row at exactly that version may. Either way a conflict
-- returns no row, which the provider turns into InconsistentStateException. The insert
-- relies on the unique constraint (ON CONFLICT) to stay atomic against a concurrent insert;
-- the update relies on the row lock plus the re-checked version predicate.
('WriteToStorageKey', $q$
WITH updated AS (
    UPDATE orleans_storage
    SET payloadbinary = @PayloadBinary,
        version = version + 1,
        modifiedon = now()
    WHERE @GrainStateVersion IS NOT NULL
      AND serviceid = @ServiceId
      AND grainidn1 = @GrainIdN1
      AND grainidn0 = @GrainIdN0
      AND graintypestring = @GrainTypeString
      AND grainidextensionstring IS NOT DISTINCT FROM @GrainIdExtensionString
      AND version = @GrainStateVersion
    RETURNING version
), inserted AS (
    INSERT INTO orleans_storage
        (serviceid, graintypestring, grainidn0, grainidn1, grainidextensionstring,
         grainidhash, graintypehash, payloadbinary, version)
    SELECT @ServiceId, @GrainTypeString, @GrainIdN0, @GrainIdN1, @GrainIdExtensionString,
           @GrainIdHash, @GrainTypeHash, @PayloadBinary, 1
    WHERE @GrainStateVersion IS NULL
    ON CONFLICT DO NOTHING
    RETURNING version
)
SELECT version AS newgrainstateversion FROM updated
UNION ALL
SELECT version FROM inserted;
$q$),

-- Clearing keeps the row (payload NULL) so the version keeps growing: a grain holding a
-- pre-clear ETag must still conflict afterwards.
('ClearStorageKey', $q$
UPDATE orleans_storage
SET payloadbinary = NULL,
    version = version + 1,
    modifiedon = now()
WHERE serviceid = @ServiceId
  AND grainidn1 = @GrainIdN1
  AND grainidn0 = @GrainIdN0
  AND graintypestring = @GrainTypeString
  AND grainidextensionstring IS NOT DISTINCT FROM @GrainIdExtensionString
  AND version = @GrainStateVersion
RETURNING version;
$q$),

-- DeleteStateOnClear=true. The provider only needs a value different from the ETag it sent.
('DeleteStorageKey', $q$
DELETE FROM orleans_storage
WHERE serviceid = @ServiceId
  AND grainidn1 = @GrainIdN1
  AND grainidn0 = @GrainIdN0
  AND graintypestring = @GrainTypeString
  AND grainidextensionstring IS NOT DISTINCT FROM @GrainIdExtensionString
  AND version = @GrainStateVersion
RETURNING version + 1;
$q$),

-------------------------------------------------------------------------------------------
-- Clustering. @Version is the table version the caller last read; a change succeeds only
-- if it still is the current one, and bumps it in the same statement.
-------------------------------------------------------------------------------------------
('InsertMembershipVersionKey', $q$
WITH created AS (
    INSERT INTO orleans_membership_version (deploymentid, version)
    VALUES (@DeploymentId, 0)
    ON CONFLICT DO NOTHING
    RETURNING 1
)
SELECT EXISTS (SELECT 1 FROM created);
$q$),

-- Starting from the version row (LEFT JOIN) guarantees at least one row, which the provider
-- needs to learn the version even when no silo is registered.
('MembershipReadAllKey', $q$
SELECT v.version, m.address, m.port, m.generation, m.siloname, m.hostname, m.status,
       m.proxyport, m.suspecttimes, m.starttime, m.iamalivetime
FROM orleans_membership_version v
LEFT JOIN orleans_membership m ON m.deploymentid = v.deploymentid
WHERE v.deploymentid = @DeploymentId;
$q$),

('MembershipReadRowKey', $q$
SELECT v.version, m.address, m.port, m.generation, m.siloname, m.hostname, m.status,
       m.proxyport, m.suspecttimes, m.starttime, m.iamalivetime
FROM orleans_membership_version v
LEFT JOIN orleans_membership m
       ON m.deploymentid = v.deploymentid
      AND m.address = @Address
      AND m.port = @Port
      AND m.generation = @Generation
WHERE v.deploymentid = @DeploymentId;
$q$),

-- The bump is the gate: the insert only runs for the row the bump returned. Concurrent
-- callers serialise on the version row's lock, and the loser re-checks the version and
-- changes nothing. The duplicate check sits in the bump so a duplicate does not bump.
('InsertMembershipKey', $q$
WITH bumped AS (
    UPDATE orleans_membership_version v
    SET version = v.version + 1,
        modifiedon = now()
    WHERE v.deploymentid = @DeploymentId
      AND v.version = @Version
      AND v.version < 2147483647
      AND NOT EXISTS (
          SELECT 1 FROM orleans_membership m
          WHERE m.deploymentid = @DeploymentId
            AND m.address = @Address
            AND m.port = @Port
            AND m.generation = @Generation)
    RETURNING v.deploymentid
), inserted AS (
    INSERT INTO orleans_membership
        (deploymentid, address, port, generation, siloname, hostname, status, proxyport,
         starttime, iamalivetime)
    SELECT deploymentid, @Address, @Port, @Generation, @SiloName, @HostName, @Status,
           @ProxyPort, @StartTime, @IAmAliveTime
    FROM bumped
    ON CONFLICT DO NOTHING
    RETURNING 1
)
SELECT EXISTS (SELECT 1 FROM inserted);
$q$),

-- Heartbeats are best-effort observations that may arrive out of order, so the alive time
-- never moves backwards.
('UpdateMembershipKey', $q$
WITH bumped AS (
    UPDATE orleans_membership_version v
    SET version = v.version + 1,
        modifiedon = now()
    WHERE v.deploymentid = @DeploymentId
      AND v.version = @Version
      AND v.version < 2147483647
      AND EXISTS (
          SELECT 1 FROM orleans_membership m
          WHERE m.deploymentid = @DeploymentId
            AND m.address = @Address
            AND m.port = @Port
            AND m.generation = @Generation)
    RETURNING v.deploymentid
), updated AS (
    UPDATE orleans_membership m
    SET status = @Status,
        suspecttimes = @SuspectTimes,
        iamalivetime = GREATEST(m.iamalivetime, @IAmAliveTime)
    FROM bumped b
    WHERE m.deploymentid = b.deploymentid
      AND m.address = @Address
      AND m.port = @Port
      AND m.generation = @Generation
    RETURNING 1
)
SELECT EXISTS (SELECT 1 FROM updated);
$q$),

-- Deliberately no version check or bump: heartbeats must not contend with membership changes.
('UpdateIAmAlivetimeKey', $q$
UPDATE orleans_membership
SET iamalivetime = GREATEST(iamalivetime, @IAmAliveTime)
WHERE deploymentid = @DeploymentId
  AND address = @Address
  AND port = @Port
  AND generation = @Generation;
$q$),

-- Status is always 3 (Active); silos without a gateway store proxy port 0.
('GatewaysQueryKey', $q$
SELECT address, proxyport, generation
FROM orleans_membership
WHERE deploymentid = @DeploymentId
  AND status = @Status
  AND proxyport > 0;
$q$),

('DeleteMembershipTableEntriesKey', $q$
DELETE FROM orleans_membership_version WHERE deploymentid = @DeploymentId;
$q$),

-- Only used when CleanupDefunctSiloEntryKey is missing; kept for completeness. Only dead
-- silos (status 6) whose start and last heartbeat both precede the cutoff.
('CleanupDefunctSiloEntriesKey', $q$
DELETE FROM orleans_membership
WHERE deploymentid = @DeploymentId
  AND status = 6
  AND iamalivetime < @IAmAliveTime
  AND starttime < @IAmAliveTime;
$q$),

-- Per-row cleanup of a row the provider just read: delete it only if nothing touched it
-- since (a heartbeat or a vote would have changed one of the compared values).
('CleanupDefunctSiloEntryKey', $q$
DELETE FROM orleans_membership
WHERE deploymentid = @DeploymentId
  AND address = @Address
  AND port = @Port
  AND generation = @Generation
  AND status = 6
  AND starttime = @StartTime
  AND iamalivetime = @IAmAliveTime
  AND COALESCE(suspecttimes, '') = COALESCE(@SuspectTimes, '');
$q$),

-------------------------------------------------------------------------------------------
-- Reminders
-------------------------------------------------------------------------------------------
('ReadReminderRowsKey', $q$
SELECT grainid, remindername, starttime, period, version
FROM orleans_reminders
WHERE serviceid = @ServiceId
  AND grainid = @GrainId;
$q$),

('ReadReminderRowKey', $q$
SELECT grainid, remindername, starttime, period, version
FROM orleans_reminders
WHERE serviceid = @ServiceId
  AND grainid = @GrainId
  AND remindername = @ReminderName;
$q$),

-- Ring range (begin, end]: begin exclusive, end inclusive.
('ReadRangeRows1Key', $q$
SELECT grainid, remindername, starttime, period, version
FROM orleans_reminders
WHERE serviceid = @ServiceId
  AND grainhash > @BeginHash
  AND grainhash <= @EndHash;
$q$),

-- The range wraps around the ring; begin = end means the whole ring.
('ReadRangeRows2Key', $q$
SELECT grainid, remindername, starttime, period, version
FROM orleans_reminders
WHERE serviceid = @ServiceId
  AND (grainhash > @BeginHash OR grainhash <= @EndHash);
$q$),

('UpsertReminderRowKey', $q$
INSERT INTO orleans_reminders
    (serviceid, grainid, remindername, starttime, period, grainhash, version)
VALUES (@ServiceId, @GrainId, @ReminderName, @StartTime, @Period, @GrainHash, 0)
ON CONFLICT (serviceid, grainid, remindername) DO UPDATE
SET starttime = EXCLUDED.starttime,
    period = EXCLUDED.period,
    grainhash = EXCLUDED.grainhash,
    version = CASE WHEN orleans_reminders.version = 2147483647 THEN 0
                   ELSE orleans_reminders.version + 1 END
RETURNING version;
$q$),

('DeleteReminderRowKey', $q$
WITH deleted AS (
    DELETE FROM orleans_reminders
    WHERE serviceid = @ServiceId
      AND grainid = @GrainId
      AND remindername = @ReminderName
      AND version = @Version
    RETURNING 1
)
SELECT EXISTS (SELECT 1 FROM deleted);
$q$),

('DeleteReminderRowsKey', $q$
DELETE FROM orleans_reminders
WHERE serviceid = @ServiceId;
$q$)

ON CONFLICT (querykey) DO UPDATE SET querytext = EXCLUDED.querytext;
