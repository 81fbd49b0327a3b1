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

    /// <summary>Fetches one custom field definition. Calls <c>customField.info</c>.</summary>
    /// <param name="request">The parameters.</param>
    /// <param name="options">Per-call options.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The result.</returns>
    /// <exception cref="AshbyApiException">Ashby answered with an error.</exception>
    [AshbyEndpoint(AshbyEndpoints.CustomFieldInfo)]
    public virtual Task<CustomFieldDefinition> InfoAsync(CustomFieldInfoRequest request, AshbyRequestOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return SendAsync(AshbyEndpoints.CustomFieldInfo, request, AshbyJsonContext.Default.CustomFieldInfoRequest, AshbyJsonContext.Default.CustomFieldDefinition, options, cancellationToken);
    }

    /// <summary>Sets (or, with <see cref="CustomFieldInput.Clear"/>, clears) one custom field on an application, candidate, job or opening; answers the stored value. For several fields on one object use <see cref="SetValuesAsync"/>. Needs candidatesWrite. A write: retried only on HTTP 429. Calls <c>customField.setValue</c>.</summary>
    /// <param name="request">The parameters.</param>
    /// <param name="options">Per-call options.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The result.</returns>
    /// <exception cref="AshbyApiException">Ashby answered with an error.</exception>
    [AshbyEndpoint(AshbyEndpoints.CustomFieldSetValue)]
    public virtual Task<CustomFieldValue> SetValueAsync(CustomFieldSetValueRequest request, AshbyRequestOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return SendAsync(AshbyEndpoints.CustomFieldSetValue, request, AshbyJsonContext.Default.CustomFieldSetValueRequest, AshbyJsonContext.Default.CustomFieldValue, options, cancellationToken);
    }

    /// <summary>Sets several custom fields on one application, candidate, job or opening in one call (no race between the writes); answers the stored values. Needs candidatesWrite. A write: retried only on HTTP 429. Calls <c>customField.setValues</c>.</summary>
    /// <param name="request">The parameters.</param>
    /// <param name="options">Per-call options.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The items.</returns>
    /// <exception cref="AshbyApiException">Ashby answered with an error.</exception>
    [AshbyEndpoint(AshbyEndpoints.CustomFieldSetValues)]
    public virtual Task<IReadOnlyList<CustomFieldValue>> SetValuesAsync(CustomFieldSetValuesRequest request, AshbyRequestOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return SendListAsync(AshbyEndpoints.CustomFieldSetValues, request, AshbyJsonContext.Default.CustomFieldSetValuesRequest, AshbyJsonContext.Default.CustomFieldValue, options, cancellationToken);
    }
}
