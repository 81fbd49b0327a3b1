global using Ashbridge.Testing;
