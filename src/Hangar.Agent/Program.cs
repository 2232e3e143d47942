using Hangar.Agent.Hosting;

return await AgentProgram.RunAsync(args);
