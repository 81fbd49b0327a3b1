using System.Text.Json.Serialization.Metadata;

namespace Ashbridge.Ashby;

/// <summary>Departments: <c>department.*</c>. Methods are virtual so test doubles can override them.</summary>
public class DepartmentsClient : AshbyListClient<DepartmentListRequest, Department>
{
    /// <summary>For test doubles: override the methods you call.</summary>
    protected DepartmentsClient()
    {
    }

    internal DepartmentsClient(AshbyTransport transport)
        : base(transport)
    {
    }

    /// <inheritdoc />
    public override string ListEndpoint => AshbyEndpoints.DepartmentList;

    internal override JsonTypeInfo<DepartmentListRequest> RequestInfo => AshbyJsonContext.Default.DepartmentListRequest;

    internal override JsonTypeInfo<Department> ItemInfo => AshbyJsonContext.Default.Department;
}
