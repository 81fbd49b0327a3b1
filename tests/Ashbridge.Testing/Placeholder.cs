namespace Ashbridge.Testing;

internal static class Placeholder;
