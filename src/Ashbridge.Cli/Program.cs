Console.WriteLine("ashbridge");
