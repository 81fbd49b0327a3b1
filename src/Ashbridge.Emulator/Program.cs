return await Ashbridge.Emulator.EmulatorProgram.RunAsync(args);
