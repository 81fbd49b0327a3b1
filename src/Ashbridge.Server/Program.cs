await Ashbridge.Server.HubProgram.RunAsync(args);
