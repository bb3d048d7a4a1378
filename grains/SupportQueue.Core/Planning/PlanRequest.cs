using SupportQueue.Core.Simulation;

namespace SupportQueue.Core.Planning;

/// <summary>
/// What to plan: the scenario (its demand, desk, ticket classes and targets; its roster supplies the
/// baseline run and each tier's skills and capacity) and its scheduling section. The scenario's
/// seed drives the requirement search; the verification uses fresh seeds (<see cref="VerificationSpec"/>).
/// </summary>
public sealed record PlanRequest(Scenario Scenario, SchedulingSpec Scheduling);
