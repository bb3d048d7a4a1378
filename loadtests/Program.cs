Console.WriteLine("loadtests");
