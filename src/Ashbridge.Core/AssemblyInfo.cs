// The hub's domain lives here: connections, mirror, sync, inbox and one folder per feature.
[assembly: System.CLSCompliant(false)]
