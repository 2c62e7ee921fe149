using BackOffice.Domain.Common;
using BackOffice.Domain.Identity;

namespace BackOffice.Tests.Builders;

/// <summary>Actors for tests: two people per four-eyes role.</summary>
public static class People
{
    public static readonly Actor SelectionLi = new("selection.li", "李娜", new HashSet<string> { Roles.Selection });
    public static readonly Actor SelectionZhang = new("selection.zhang", "张伟", new HashSet<string> { Roles.Selection });
    public static readonly Actor ManagerWang = new("am.wang", "王芳", new HashSet<string> { Roles.AccountManager });
    public static readonly Actor ManagerLiu = new("am.liu", "刘洋", new HashSet<string> { Roles.AccountManager });
    public static readonly Actor FinanceChen = new("finance.chen", "陈静", new HashSet<string> { Roles.Finance });
    public static readonly Actor FinanceZhao = new("finance.zhao", "赵磊", new HashSet<string> { Roles.Finance });
    public static readonly Actor Analyst = new("analyst.sun", "孙丽", new HashSet<string> { Roles.Analyst });
    public static readonly Actor Admin = new("admin.zhou", "周敏", new HashSet<string> { Roles.Admin });

    /// <summary>The same person as <see cref="SelectionLi"/> holding another role too: four eyes is by person.</summary>
    public static readonly Actor SelectionLiAlsoFinance = new("selection.li", "李娜", new HashSet<string> { Roles.Selection, Roles.Finance });
}
