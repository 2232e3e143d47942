using Mono.Cecil;

namespace Hangar.Architecture.Tests;

/// <summary>
/// The server's background loops wait on its clock through <c>ClockTicks</c> (src/Hangar.Server/Hosting/ClockTicks.cs):
/// awaited directly, a periodic timer resumes the loop inside the clock's callback, and a clock moved forward by days
/// runs the loop's work once per skipped period on the mover's thread (it made whole test classes take minutes).
/// </summary>
public sealed class ClockTickRuleTests
{
    private const string ClockTicks = "Hangar.Server.Hosting.ClockTicks";

    [Fact]
    public void PeriodicTimers_AreAwaitedOnlyThroughClockTicks()
    {
        using var assembly = AssemblyDefinition.ReadAssembly(Path.Combine(AppContext.BaseDirectory, "hangar-server.dll"));

        var callers = assembly.MainModule.GetTypes()
            .Where(type => AssemblyDependencies.Outermost(type).FullName != ClockTicks)
            .Where(type => type.Methods.Any(CallsWaitForNextTick))
            .Select(type => AssemblyDependencies.Outermost(type).FullName)
            .Distinct()
            .Order()
            .ToList();

        Assert.True(callers.Count == 0,
            $"await periodic timers with {ClockTicks}.NextTickAsync, not PeriodicTimer.WaitForNextTickAsync: {string.Join(", ", callers)}");
    }

    private static bool CallsWaitForNextTick(MethodDefinition method) =>
        method.HasBody && method.Body.Instructions.Any(instruction => instruction.Operand is MethodReference called
            && called.DeclaringType.FullName == "System.Threading.PeriodicTimer" && called.Name == nameof(PeriodicTimer.WaitForNextTickAsync));
}
