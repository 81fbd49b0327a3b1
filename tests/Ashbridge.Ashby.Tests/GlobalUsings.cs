global using Ashbridge.Ashby.Tests.Support;
global using static Ashbridge.Ashby.Tests.Support.ScriptedResponse;
