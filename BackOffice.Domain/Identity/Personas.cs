namespace BackOffice.Domain.Identity;

/// <summary>The local sign-in personas DESIGN.md asks for: two for each four-eyes role, one Analyst, one Admin.</summary>
public static class Personas
{
    public static readonly IReadOnlyList<(string Id, string Name, string[] Roles)> All =
    [
        ("selection.li", "李娜 Li Na", [Roles.Selection]),
        ("selection.zhang", "张伟 Zhang Wei", [Roles.Selection]),
        ("am.wang", "王芳 Wang Fang", [Roles.AccountManager]),
        ("am.liu", "刘洋 Liu Yang", [Roles.AccountManager]),
        ("finance.chen", "陈静 Chen Jing", [Roles.Finance]),
        ("finance.zhao", "赵磊 Zhao Lei", [Roles.Finance]),
        ("analyst.sun", "孙丽 Sun Li", [Roles.Analyst]),
        ("admin.zhou", "周敏 Zhou Min", [Roles.Admin]),
    ];
}
