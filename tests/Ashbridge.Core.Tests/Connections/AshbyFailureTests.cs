using Ashbridge.Ashby;
using Ashbridge.Core.Connections;

namespace Ashbridge.Core.Tests.Connections;

/// <summary>The one reading of the client's exceptions: which failures stop a run, and what the admin is told.</summary>
public sealed class AshbyFailureTests
{
    public static TheoryData<AshbyApiException, AshbyFailureKind, bool> Failures() => new()
    {
        { new AshbyUnreachableException("x", new HttpRequestException(HttpRequestError.ConnectionError, "refused")), AshbyFailureKind.Unreachable, true },
        { new AshbyTimeoutException("x", new TimeoutException()), AshbyFailureKind.TimedOut, true },
        { new AshbyRateLimitedException("x"), AshbyFailureKind.RateLimited, true },
        { new AshbyAuthenticationException("x"), AshbyFailureKind.KeyRefused, true },
        { new AshbyPermissionException("x"), AshbyFailureKind.PermissionMissing, false },
        { new AshbyNotFoundException("x"), AshbyFailureKind.NotFound, false },
        { new AshbySyncRestartRequiredException("x"), AshbyFailureKind.SyncRestartRequired, false },
        { new AshbyInvalidInputException("x"), AshbyFailureKind.InvalidInput, false },
        { new AshbyApiException("x"), AshbyFailureKind.Failed, false },
    };

    [Theory, MemberData(nameof(Failures))]
    public void Only_failures_every_call_would_meet_stop_a_run(AshbyApiException exception, AshbyFailureKind kind, bool stopsRun)
    {
        var failure = AshbyFailure.Classify(exception);

        failure.Kind.ShouldBe(kind);
        failure.StopsRun.ShouldBe(stopsRun);
        failure.Message.ShouldNotBeNullOrWhiteSpace();
    }

    [Fact]
    public void No_answer_is_transient_and_says_what_happened_and_what_to_do()
    {
        var refused = AshbyFailure.Classify(new AshbyUnreachableException("x", new HttpRequestException(HttpRequestError.ConnectionError, "refused")));
        var unresolved = AshbyFailure.Classify(new AshbyUnreachableException("x", new HttpRequestException(HttpRequestError.NameResolutionError, "no such host")));
        var timedOut = AshbyFailure.Classify(new AshbyTimeoutException("x", new TimeoutException()));

        refused.IsTransient.ShouldBeTrue();
        refused.IsNoAnswer.ShouldBeTrue();
        refused.Message.ShouldStartWith("Ashby could not be reached");
        refused.Message.ShouldContain("the connection was refused");
        refused.Message.ShouldContain("Check the connection's base URL");
        unresolved.Message.ShouldContain("its host name did not resolve");
        timedOut.IsTransient.ShouldBeTrue();
        timedOut.IsNoAnswer.ShouldBeTrue();
        timedOut.Message.ShouldStartWith("Ashby did not answer");
    }

    [Fact]
    public void Other_exceptions_are_not_ashby_failures()
    {
        AshbyFailure.TryClassify(new InvalidOperationException("x"), out var failure).ShouldBeFalse();
        failure.ShouldBeNull();
        AshbyFailure.TryClassify(new AshbyNotFoundException("gone"), out var found).ShouldBeTrue();
        found!.Kind.ShouldBe(AshbyFailureKind.NotFound);
    }
}
