using SupportQueue.Core.Demand;
using SupportQueue.Core.Model;

namespace SupportQueue.Core.Simulation;

/// <summary>A scenario's checks: every problem named by its JSON path and value, before anything runs.</summary>
public sealed partial record Scenario
{
    /// <summary>Every problem as "path: value — reason"; empty when the scenario can run.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        void Add(string path, object? value, string reason) => errors.Add($"{path}: {SupportQueueException.Format(value)} — {reason}");

        if (string.IsNullOrWhiteSpace(Name))
        {
            Add("$.name", Name, "must not be empty");
        }

        if (Start < InputBounds.MinStart || Start > InputBounds.MaxStart)
        {
            Add("$.start", Start, "must be between 2000-01-01 and 9000-12-31");
        }

        if (Horizon <= TimeSpan.Zero || Horizon > TimeSpan.FromDays(400))
        {
            Add("$.horizon", Horizon, "must be positive and at most 400 days");
        }

        if (WarmUp < TimeSpan.Zero || WarmUp >= Horizon)
        {
            Add("$.warmUp", WarmUp, "must be between zero and the horizon");
        }

        if (Replications is < 1 or > 10_000)
        {
            Add("$.replications", Replications, "must be between 1 and 10000");
        }

        if (Desk is null)
        {
            Add("$.desk", null, "required");
            return errors;
        }

        errors.AddRange(Desk.Validate("$.desk"));
        if (Desk.Tiers.IsDefaultOrEmpty || Desk.Tiers.Any(t => t is null || string.IsNullOrWhiteSpace(t.Name)))
        {
            // The roster and the classes name tiers; without usable tiers there is nothing to check them against.
            return errors;
        }

        errors.AddRange((Demand ?? new DemandProfile()).Validate("$.demand").Select(e => e.ToString()));
        if (Demand?.BaseVolume is null && Demand?.VolumeTable is null && Arrivals.IsDefault)
        {
            Add("$.demand.baseVolume", null, "required: tickets per interval (or demand.volumes, a CSV of volumes per interval)");
        }

        ValidateRoster(Add, errors);
        ValidateClasses(Add, errors);
        if (ServiceLevel is null || ServiceLevel.Threshold <= TimeSpan.Zero)
        {
            Add("$.serviceLevel.threshold", ServiceLevel?.Threshold, "must be positive");
        }
        else if (ServiceLevel.Threshold > InputBounds.MaxDuration)
        {
            Add("$.serviceLevel.threshold", ServiceLevel.Threshold, InputBounds.MaxDurationText);
        }
        else if (ServiceLevel.Target is <= 0 or > 1)
        {
            Add("$.serviceLevel.target", ServiceLevel.Target, "must be in (0, 1]");
        }

        ValidateTierObjectives(Add);
        if (Demand?.VolumeTable is { } table)
        {
            ValidateVolumeTable(table, Add);
        }

        if (!Arrivals.IsDefault)
        {
            errors.AddRange(History.ArrivalReplay.Validate(this));
        }

        return errors;
    }

    /// <summary>Throws <see cref="SupportQueueException"/> (InvalidSettings) listing every problem.</summary>
    public void EnsureValid()
    {
        var errors = Validate();
        if (errors.Count > 0)
        {
            throw new SupportQueueException(RefusalCode.InvalidSettings, $"Invalid scenario '{Name}':" + Environment.NewLine + string.Join(Environment.NewLine, errors));
        }
    }

    private void ValidateVolumeTable(VolumeTable table, Action<string, object?, string> add)
    {
        var series = table.ToSeries();
        if (Start < series.Start || Start.AddMinutes(HorizonMinutes) > series.End)
        {
            add("$.demand.volumes", Demand.Volumes, $"covers {series.Start:yyyy-MM-dd'T'HH:mm} to {series.End:yyyy-MM-dd'T'HH:mm}; the run ({Start:yyyy-MM-dd'T'HH:mm} + {Horizon}) must lie inside it");
        }
    }

    private void ValidateTierObjectives(Action<string, object?, string> add)
    {
        if (ServiceLevel?.Tiers is not { } tiers)
        {
            return;
        }

        foreach (var (tier, objective) in tiers.OrderBy(t => t.Key, StringComparer.Ordinal))
        {
            var p = $"$.serviceLevel.tiers.{tier}";
            if (Desk.TierIndex(tier) < 0)
            {
                add(p, tier, $"no such tier on the desk ({string.Join(", ", Desk.Tiers.Select(t => t.Name))})");
            }

            if (objective is null)
            {
                add(p, null, "give a threshold, a target or both (or leave the tier out)");
                continue;
            }

            if (objective.Threshold is { } threshold && threshold <= TimeSpan.Zero)
            {
                add($"{p}.threshold", threshold, "must be positive");
            }

            if (objective.Target is { } target && (target is <= 0 or > 1 || double.IsNaN(target)))
            {
                add($"{p}.target", target, "must be in (0, 1]");
            }
        }
    }

    private void ValidateRoster(Action<string, object?, string> add, List<string> errors)
    {
        if (Roster is null || Roster.Groups.IsDefaultOrEmpty)
        {
            add("$.roster.groups", "[]", "at least one agent group is needed");
            return;
        }

        if (Roster.Shrinkage is < 0 or >= 1)
        {
            add("$.roster.shrinkage", Roster.Shrinkage, "must be in [0, 1)");
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var g = 0; g < Roster.Groups.Length; g++)
        {
            var group = Roster.Groups[g];
            var p = $"$.roster.groups[{g}]";
            if (group is null)
            {
                add(p, null, "must be an agent group");
                continue;
            }

            if (string.IsNullOrWhiteSpace(group.Name) || !names.Add(group.Name))
            {
                add($"{p}.name", group.Name, "must be a non-empty, unique name");
            }
            else if (group.Name.Length > 64)
            {
                add($"{p}.name", group.Name[..16] + "…", $"is {group.Name.Length} characters long; the limit is 64");
            }
            else
            {
                // Agent ids are made from the group name: refuse here what the desk would refuse later.
                try
                {
                    StoredId.Require($"{p}.name", group.Name);
                }
                catch (SupportQueueException ex)
                {
                    errors.Add(ex.Message);
                }
            }

            if (Desk.TierIndex(group.Tier) < 0)
            {
                add($"{p}.tier", group.Tier, $"no such tier on the desk ({string.Join(", ", Desk.Tiers.Select(t => t.Name))})");
            }

            if (group.Count is < 0 or > 100_000)
            {
                add($"{p}.count", group.Count, "must be between 0 and 100000");
            }

            if (group.Capacity is < 1 or > 1000)
            {
                add($"{p}.capacity", group.Capacity, "must be between 1 and 1000");
            }

            var skills = group.Skills.IsDefault ? [] : group.Skills;
            for (var s = 0; s < skills.Length; s++)
            {
                if (RecordName.Problem(skills[s].Skill) is { } badName)
                {
                    add($"{p}.skills[{s}].skill", badName.Shown, badName.Reason);
                }
                else if (skills[s].Proficiency is < 1 or > 5)
                {
                    add($"{p}.skills[{s}]", $"{skills[s].Skill}:{skills[s].Proficiency}", "needs a skill name and proficiency 1–5");
                }
            }

            var shifts = group.Shifts.IsDefault ? [] : group.Shifts;
            for (var s = 0; s < shifts.Length; s++)
            {
                var shift = shifts[s];
                var sp = $"{p}.shifts[{s}]";
                if (shift is null)
                {
                    add(sp, null, "must be a shift");
                    continue;
                }

                if (shift.Start < TimeSpan.Zero || shift.Start >= TimeSpan.FromDays(1))
                {
                    add($"{sp}.start", shift.Start, "must be a time of day (00:00 to 23:59)");
                }

                if (shift.End < TimeSpan.Zero || shift.End >= TimeSpan.FromDays(1) || shift.End == shift.Start)
                {
                    add($"{sp}.end", shift.End, "must be a time of day different from the start");
                }

                var breaks = shift.Breaks.IsDefault ? [] : shift.Breaks;
                for (var b = 0; b < breaks.Length; b++)
                {
                    // Each part is checked against a day first, so their sum cannot overflow.
                    var day = TimeSpan.FromDays(1);
                    if (breaks[b] is null)
                    {
                        add($"{sp}.breaks[{b}]", null, "must be an object with after and duration");
                    }
                    else if (breaks[b].After <= TimeSpan.Zero || breaks[b].Duration <= TimeSpan.Zero || breaks[b].After >= day || breaks[b].Duration >= day
                        || breaks[b].After + breaks[b].Duration >= shift.Length)
                    {
                        add($"{sp}.breaks[{b}]", $"after {breaks[b].After:c} for {breaks[b].Duration:c}", "must start and end inside the shift");
                    }
                }
            }
        }
    }

    private void ValidateClasses(Action<string, object?, string> add, List<string> errors)
    {
        if (TicketClasses.IsDefaultOrEmpty)
        {
            add("$.ticketClasses", "[]", "at least one ticket class is needed");
            return;
        }

        var shareSum = 0.0;
        for (var c = 0; c < TicketClasses.Length; c++)
        {
            var tc = TicketClasses[c];
            var p = $"$.ticketClasses[{c}]";
            if (tc is null)
            {
                add(p, null, "must be a ticket class");
                continue;
            }

            if (string.IsNullOrWhiteSpace(tc.Name))
            {
                add($"{p}.name", tc.Name, "must not be empty");
            }

            if (!(tc.Share > 0) || double.IsInfinity(tc.Share))
            {
                add($"{p}.share", tc.Share, "must be positive");
            }
            else
            {
                shareSum += tc.Share;
            }

            if (!Enum.IsDefined(tc.Priority))
            {
                add($"{p}.priority", (int)tc.Priority, "must be P1, P2, P3 or P4");
            }

            var classSkills = tc.Skills.IsDefault ? [] : tc.Skills;
            for (var s = 0; s < classSkills.Length; s++)
            {
                if (RecordName.Problem(classSkills[s]) is { } badSkill)
                {
                    add($"{p}.skills[{s}]", badSkill.Shown, badSkill.Reason);
                }
            }

            var entry = 0;
            if (tc.EntryTier is not null)
            {
                entry = Desk.TierIndex(tc.EntryTier);
                if (entry < 0)
                {
                    add($"{p}.entryTier", tc.EntryTier, "no such tier on the desk");
                    entry = 0;
                }
            }

            if (tc.Handling is null)
            {
                add($"{p}.handling", null, "required: handling time per tier");
            }
            else
            {
                foreach (var (tier, dist) in tc.Handling)
                {
                    if (tier != "*" && Desk.TierIndex(tier) < 0)
                    {
                        add($"{p}.handling.{tier}", tier, "no such tier on the desk");
                    }

                    if (dist is null)
                    {
                        add($"{p}.handling.{tier}", null, "must be a distribution");
                        continue;
                    }

                    errors.AddRange(dist.Validate($"{p}.handling.{tier}").Select(e => e.ToString()));
                }

                for (var t = entry; t < Desk.TierCount; t++)
                {
                    if (tc.HandlingAt(Desk.Tiers[t].Name) is null)
                    {
                        add($"{p}.handling.{Desk.Tiers[t].Name}", null, "missing: tickets of this class can reach this tier (or give \"*\")");
                    }
                }
            }

            if (tc.Resolve is not null)
            {
                foreach (var (tier, probability) in tc.Resolve)
                {
                    if (Desk.TierIndex(tier) < 0)
                    {
                        add($"{p}.resolve.{tier}", tier, "no such tier on the desk");
                    }

                    if (probability is < 0 or > 1 || double.IsNaN(probability))
                    {
                        add($"{p}.resolve.{tier}", probability, "must be a probability in [0, 1]");
                    }
                }
            }

            if (tc.Patience is not null)
            {
                errors.AddRange(tc.Patience.Validate($"{p}.patience").Select(e => e.ToString()));
            }

            if (tc.Reopen is not null)
            {
                if (tc.Reopen.Probability is < 0 or > 1 || double.IsNaN(tc.Reopen.Probability))
                {
                    add($"{p}.reopen.probability", tc.Reopen.Probability, "must be a probability in [0, 1]");
                }

                if (tc.Reopen.Delay is null)
                {
                    add($"{p}.reopen.delay", null, "required");
                }
                else
                {
                    errors.AddRange(tc.Reopen.Delay.Validate($"{p}.reopen.delay").Select(e => e.ToString()));
                }
            }
        }

        if (shareSum <= 0)
        {
            add("$.ticketClasses", shareSum, "shares must add up to a positive number");
        }
    }
}
