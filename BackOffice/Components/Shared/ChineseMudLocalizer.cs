using Microsoft.Extensions.Localization;
using MudBlazor;

namespace BackOffice.Components.Shared;

/// <summary>MudBlazor's own texts (pagers, grids, pickers) in Chinese when the UI is Chinese; English falls through to MudBlazor's defaults.</summary>
public sealed class ChineseMudLocalizer : MudLocalizer
{
    private static readonly Dictionary<string, string> Chinese = new()
    {
        ["MudDataGridPager_RowsPerPage"] = "每页行数：",
        ["MudDataGridPager_InfoFormat"] = "第 {0}-{1} 条，共 {2} 条",
        ["MudDataGridPager_AllItems"] = "全部",
        ["MudDataGridPager_FirstPage"] = "首页",
        ["MudDataGridPager_LastPage"] = "末页",
        ["MudDataGridPager_NextPage"] = "下一页",
        ["MudDataGridPager_PreviousPage"] = "上一页",
        ["MudTablePager_FirstPage"] = "首页",
        ["MudTablePager_LastPage"] = "末页",
        ["MudTablePager_NextPage"] = "下一页",
        ["MudTablePager_PreviousPage"] = "上一页",
        ["MudDataGrid_Loading"] = "加载中…",
        ["MudTable_Loading"] = "加载中…",
        ["MudDataGrid_Sort"] = "排序",
        ["MudDataGrid_Filter"] = "筛选",
        ["MudDataGrid_Contains"] = "包含",
        ["MudDataGrid_Equals"] = "等于",
        ["MudDataGrid_Apply"] = "应用",
        ["MudDataGrid_Cancel"] = "取消",
        ["MudDataGrid_Clear"] = "清除",
        ["MudDataGrid_Save"] = "保存",
        ["MudInput_Clear"] = "清除",
        ["MudDialog_Close"] = "关闭",
        ["MudSnackbar_Close"] = "关闭",
        ["MudAlert_Close"] = "关闭",
        ["MudBaseDatePicker_NextMonth"] = "下个月",
        ["MudBaseDatePicker_PrevMonth"] = "上个月",
        ["MudBaseDatePicker_NextYear"] = "下一年",
        ["MudBaseDatePicker_PrevYear"] = "上一年",
        ["MudBaseDatePicker_Open"] = "打开日期选择",
        ["MudSelect_SelectAll"] = "全选",
    };

    public override LocalizedString this[string key] =>
        Bilingual.IsEnglish || !Chinese.TryGetValue(key, out var text) ? new LocalizedString(key, key, resourceNotFound: true) : new LocalizedString(key, text);
}
