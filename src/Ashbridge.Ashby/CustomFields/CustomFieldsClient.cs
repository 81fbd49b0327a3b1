using System.Text.Json.Serialization.Metadata;

namespace Ashbridge.Ashby;

/// <summary>Custom field definitions: <c>customField.*</c>. Methods are virtual so test doubles can override them.</summary>
public class CustomFieldsClient : AshbyListClient<CustomFieldListRequest, CustomFieldDefinition>
{
    /// <summary>For test doubles: override the methods you call.</summary>
    protected CustomFieldsClient()
    {
    }

    internal CustomFieldsClient(AshbyTransport transport)
        : base(transport)
    {
    }

    /// <inheritdoc />
    public override string ListEndpoint => AshbyEndpoints.CustomFieldList;

    internal override JsonTypeInfo<CustomFieldListRequest> RequestInfo => AshbyJsonContext.Default.CustomFieldListRequest;

    internal override JsonTypeInfo<CustomFieldDefinition> ItemInfo => AshbyJsonContext.Default.CustomFieldDefinition;
}
