using BackOffice.Domain.Common;

namespace BackOffice.Domain.Identity;

/// <summary>A person who signs in locally (development and demos); an Admin manages them.</summary>
public class LocalUser : IHasRevision
{
    public const int IdMaxLength = 64;

    public string Id { get; private set; } = "";
    public string DisplayName { get; private set; } = "";
    public string RolesText { get; private set; } = "";
    public bool IsActive { get; private set; } = true;
    public long Revision { get; set; }

    protected LocalUser() { }

    public LocalUser(string id, string displayName, IEnumerable<string> roles)
    {
        if (string.IsNullOrWhiteSpace(id) || id.Length > IdMaxLength) throw new DomainException("用户标识须为 1–64 字符 · The user id must have 1–64 characters");
        Id = id.Trim();
        Rename(displayName);
        SetRoles(roles);
    }

    public IReadOnlySet<string> Roles => RolesText.Split(',', StringSplitOptions.RemoveEmptyEntries).ToHashSet();

    public void Rename(string displayName)
    {
        if (string.IsNullOrWhiteSpace(displayName)) throw new DomainException("请填写姓名 · The display name is required");
        DisplayName = displayName.Trim();
    }

    public void SetRoles(IEnumerable<string> roles)
    {
        var list = roles.Distinct().ToList();
        var unknown = list.Where(r => !Identity.Roles.All.Contains(r)).ToList();
        if (unknown.Count > 0) throw new DomainException($"未知角色 {string.Join(',', unknown)} · Unknown role");
        RolesText = string.Join(',', Identity.Roles.All.Where(list.Contains));
    }

    public void Deactivate() => IsActive = false;

    public void Activate() => IsActive = true;

    public Actor ToActor() => new(Id, DisplayName, Roles);
}
