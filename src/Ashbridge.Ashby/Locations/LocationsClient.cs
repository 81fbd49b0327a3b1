using System.Text.Json.Serialization.Metadata;

namespace Ashbridge.Ashby;

/// <summary>Locations: <c>location.*</c>. Methods are virtual so test doubles can override them.</summary>
public class LocationsClient : AshbyListClient<LocationListRequest, Location>
{
    /// <summary>For test doubles: override the methods you call.</summary>
    protected LocationsClient()
    {
    }

    internal LocationsClient(AshbyTransport transport)
        : base(transport)
    {
    }

    /// <inheritdoc />
    public override string ListEndpoint => AshbyEndpoints.LocationList;

    internal override JsonTypeInfo<LocationListRequest> RequestInfo => AshbyJsonContext.Default.LocationListRequest;

    internal override JsonTypeInfo<Location> ItemInfo => AshbyJsonContext.Default.Location;
}
