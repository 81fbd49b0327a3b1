using System.Globalization;
using System.Net.Mail;
using Ashbridge.Core.Access;
using Ashbridge.Core.NewHires;
using Ashbridge.Core.Outbound;
using Ashbridge.Core.Storage;
using Dapper;

namespace Ashbridge.Core.Members;

/// <summary>
/// A member after they were added: their fields corrected, offboarded from a last day, reinstated. Each change is audited
/// and, when an outbound endpoint is set, announced (<c>member.updated</c>, <c>member.offboarded</c>, <c>member.reinstated</c>)
/// in the same transaction, as <c>member.added</c> is.
/// </summary>
public sealed class MemberLifecycle(AshbridgeDatabase database, OutboundDeliveries outbound, TimeProvider timeProvider)
{
    private readonly TimeProvider _time = timeProvider;

    /// <summary>Applies <paramref name="change"/>; returns the member as saved, or <see langword="null"/> when there is no such member among <paramref name="connectionIds"/>.</summary>
    /// <exception cref="MemberInvalidException">A required field is empty or a value does not fit; nothing was saved.</exception>
    public async Task<Member?> UpdateAsync(long id, MemberChange change, string actor, IReadOnlyCollection<long>? connectionIds = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(change);
        await using var db = await database.ConnectAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await db.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        if (await MemberDirectory.GetAsync(db, transaction, id, cancellationToken).ConfigureAwait(false) is not { } member || !Visible(member, connectionIds)) return null;

        var problems = new Dictionary<string, string>(StringComparer.Ordinal);
        string Required(string key, string label, string? typed, string current, int max)
        {
            if (typed is null) return current;
            var value = typed.Trim();
            if (value.Length == 0) problems[key] = $"{label} is required.";
            else if (value.Length > max) problems[key] = $"{label} is too long: keep it to {max} characters.";
            return value;
        }

        string? Optional(string key, string label, string? typed, string? current, int max)
        {
            if (typed is null) return current;
            var value = typed.Trim();
            if (value.Length > max) problems[key] = $"{label} is too long: keep it to {max} characters.";
            return value.Length == 0 ? null : value;
        }

        var updated = member with
        {
            FirstName = Required(NewHireFields.FirstName, "First name", change.FirstName, member.FirstName, 500),
            LastName = Required(NewHireFields.LastName, "Last name", change.LastName, member.LastName, 500),
            PersonalEmail = Required(NewHireFields.PersonalEmail, "Personal email", change.PersonalEmail, member.PersonalEmail, 320),
            PersonalPhone = Optional(NewHireFields.PersonalPhone, "Personal phone", change.PersonalPhone, member.PersonalPhone, 200),
            StartDate = Optional(NewHireFields.StartDate, "Employment start date", change.StartDate, member.StartDate, 10),
            JobTitle = Required(NewHireFields.JobTitle, "Job title", change.JobTitle, member.JobTitle, 1000),
            Department = Optional(NewHireFields.Department, "Department", change.Department, member.Department, 1000),
            PlaceOfWork = Optional(NewHireFields.PlaceOfWork, "Place of work", change.PlaceOfWork, member.PlaceOfWork, 1000),
        };
        if (!problems.ContainsKey(NewHireFields.PersonalEmail) && !IsEmail(updated.PersonalEmail))
        {
            problems[NewHireFields.PersonalEmail] = $"'{updated.PersonalEmail}' is not an email address; give one such as name@example.com.";
        }

        if (!problems.ContainsKey(NewHireFields.PersonalPhone) && updated.PersonalPhone is { } phone && !IsPhone(phone))
        {
            problems[NewHireFields.PersonalPhone] = $"'{phone}' is not a phone number; use digits, spaces, +, - and brackets.";
        }

        if (!problems.ContainsKey(NewHireFields.StartDate) && updated.StartDate is { } start && !IsDate(start))
        {
            problems[NewHireFields.StartDate] = $"'{start}' is not a date; give one as yyyy-mm-dd.";
        }

        if (problems.Count > 0) throw new MemberInvalidException(problems);

        var changed = Changed(member, updated);
        if (changed.Count == 0) return member;
        var now = _time.NowAsStored();
        updated = updated with { UpdatedAt = now, UpdatedBy = actor };
        await db.ExecuteAsync(new CommandDefinition(
            """
            UPDATE members SET first_name = @FirstName, last_name = @LastName, personal_email = @PersonalEmail, personal_phone = @PersonalPhone, start_date = @StartDate,
                job_title = @JobTitle, department = @Department, place_of_work = @PlaceOfWork, updated_ms = @UpdatedAt, updated_by = @UpdatedBy
            WHERE id = @Id
            """,
            new
            {
                updated.Id, updated.FirstName, updated.LastName, updated.PersonalEmail, updated.PersonalPhone, updated.StartDate, updated.JobTitle, updated.Department, updated.PlaceOfWork,
                updated.UpdatedAt, updated.UpdatedBy,
            }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        await AuditLog.WriteAsync(db, transaction, now, actor, "member.update", $"member {id}", $"{updated.Name}: changed {string.Join(", ", changed)}", cancellationToken).ConfigureAwait(false);
        var queued = await outbound.EnqueueAsync(db, transaction, id, "member.updated", updated.ToJson(), cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        if (queued is not null) outbound.Signal();
        return updated;
    }

    /// <summary>Offboards the member from <paramref name="lastDay"/> (yyyy-MM-dd); returns the member, or <see langword="null"/> when there is no such member.</summary>
    /// <exception cref="MemberInvalidException">The last day is not a date, or the member is already offboarded.</exception>
    public async Task<Member?> OffboardAsync(long id, string? lastDay, string actor, IReadOnlyCollection<long>? connectionIds = null, CancellationToken cancellationToken = default)
    {
        var day = lastDay?.Trim() ?? "";
        if (!IsDate(day))
        {
            throw new MemberInvalidException(new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["offboard_date"] = day.Length == 0 ? "Give the member's last day." : $"'{day}' is not a date; give the last day as yyyy-mm-dd.",
            });
        }

        return await ChangeStateAsync(id, actor, connectionIds, offboard: true, day, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Reinstates an offboarded member; returns the member, or <see langword="null"/> when there is no such member.</summary>
    /// <exception cref="MemberInvalidException">The member is not offboarded.</exception>
    public Task<Member?> ReinstateAsync(long id, string actor, IReadOnlyCollection<long>? connectionIds = null, CancellationToken cancellationToken = default) =>
        ChangeStateAsync(id, actor, connectionIds, offboard: false, null, cancellationToken);

    private async Task<Member?> ChangeStateAsync(long id, string actor, IReadOnlyCollection<long>? connectionIds, bool offboard, string? day, CancellationToken cancellationToken)
    {
        await using var db = await database.ConnectAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await db.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        if (await MemberDirectory.GetAsync(db, transaction, id, cancellationToken).ConfigureAwait(false) is not { } member || !Visible(member, connectionIds)) return null;
        if (member.Offboarded == offboard)
        {
            throw new MemberInvalidException(new Dictionary<string, string>(StringComparer.Ordinal)
            {
                [""] = offboard ? $"{member.Name} is already offboarded." : $"{member.Name} is not offboarded, so there is nothing to reinstate.",
            });
        }

        var now = _time.NowAsStored();
        var changed = offboard
            ? member with { OffboardedAt = now, OffboardDate = day, OffboardedBy = actor, UpdatedAt = now, UpdatedBy = actor }
            : member with { OffboardedAt = null, OffboardDate = null, OffboardedBy = null, UpdatedAt = now, UpdatedBy = actor };
        await db.ExecuteAsync(new CommandDefinition(
            "UPDATE members SET offboarded_ms = @OffboardedAt, offboard_date = @OffboardDate, offboarded_by = @OffboardedBy, updated_ms = @UpdatedAt, updated_by = @UpdatedBy WHERE id = @Id",
            new { changed.Id, changed.OffboardedAt, changed.OffboardDate, changed.OffboardedBy, changed.UpdatedAt, changed.UpdatedBy }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        await AuditLog.WriteAsync(db, transaction, now, actor, offboard ? "member.offboard" : "member.reinstate", $"member {id}",
            offboard ? $"{member.Name}, last day {day}" : member.Name, cancellationToken).ConfigureAwait(false);
        var queued = await outbound.EnqueueAsync(db, transaction, id, offboard ? "member.offboarded" : "member.reinstated", changed.ToJson(), cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        if (queued is not null) outbound.Signal();
        return changed;
    }

    private static bool Visible(Member member, IReadOnlyCollection<long>? connectionIds) => connectionIds is null || connectionIds.Contains(member.ConnectionId ?? -1);

    private static List<string> Changed(Member before, Member after)
    {
        var changed = new List<string>();
        void Compare(string label, string? a, string? b)
        {
            if (!string.Equals(a, b, StringComparison.Ordinal)) changed.Add(label);
        }

        Compare("first name", before.FirstName, after.FirstName);
        Compare("last name", before.LastName, after.LastName);
        Compare("personal email", before.PersonalEmail, after.PersonalEmail);
        Compare("personal phone", before.PersonalPhone, after.PersonalPhone);
        Compare("start date", before.StartDate, after.StartDate);
        Compare("job title", before.JobTitle, after.JobTitle);
        Compare("department", before.Department, after.Department);
        Compare("place of work", before.PlaceOfWork, after.PlaceOfWork);
        return changed;
    }

    private static bool IsEmail(string value) =>
        value.Contains('@', StringComparison.Ordinal) && !value.Contains(' ', StringComparison.Ordinal) && MailAddress.TryCreate(value, out var address) && address.Address == value;

    private static bool IsPhone(string value) => value.Count(char.IsAsciiDigit) >= 5 && value.All(ch => char.IsAsciiDigit(ch) || ch is ' ' or '+' or '-' or '(' or ')' or '.');

    private static bool IsDate(string value) => DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _);
}
