Console.WriteLine("ashby-emulator");
