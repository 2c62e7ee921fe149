namespace BackOffice.Domain.Identity;

/// <summary>App roles, the same names as the Entra ID app roles.</summary>
public static class Roles
{
    public const string Selection = "Selection";
    public const string AccountManager = "AccountManager";
    public const string Finance = "Finance";
    public const string Analyst = "Analyst";
    public const string Admin = "Admin";

    public static readonly IReadOnlyList<string> All = [Selection, AccountManager, Finance, Analyst, Admin];

    public static string ChineseName(string role) => role switch
    {
        Selection => "选品",
        AccountManager => "客户经理",
        Finance => "财务",
        Analyst => "分析师",
        Admin => "管理员",
        _ => role,
    };
}
