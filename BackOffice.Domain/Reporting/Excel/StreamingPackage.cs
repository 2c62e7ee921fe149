using System.IO.Compression;
using System.Security;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;

namespace BackOffice.Domain.Reporting.Excel;

/// <summary>
/// The zip container of a one-sheet workbook, written forward-only. System.IO.Packaging keeps every part
/// in memory on .NET (Open-XML-SDK #807), so the package parts are written straight into a ZipArchive in
/// create mode; the sheet itself goes through OpenXmlWriter.
/// </summary>
internal sealed class StreamingPackage : IDisposable
{
    private const string MainNs = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private const string RelNs = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private const string PackageRelNs = "http://schemas.openxmlformats.org/package/2006/relationships";

    private static readonly UTF8Encoding s_utf8 = new(encoderShouldEmitUTF8Identifier: false);
    private readonly ZipArchive _zip;

    public StreamingPackage(Stream output)
    {
        _zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true, entryNameEncoding: s_utf8);
        WriteText("[Content_Types].xml", $"""
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>
            """);
        WriteText("_rels/.rels", $"""
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Relationships xmlns="{PackageRelNs}"><Relationship Id="rId1" Type="{RelNs}/officeDocument" Target="xl/workbook.xml"/></Relationships>
            """);
        WriteText("xl/_rels/workbook.xml.rels", $"""
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Relationships xmlns="{PackageRelNs}"><Relationship Id="rId1" Type="{RelNs}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="{RelNs}/styles" Target="styles.xml"/></Relationships>
            """);
        using var stylesStream = _zip.CreateEntry("xl/styles.xml", CompressionLevel.Fastest).Open();
        using var styles = OpenXmlWriter.Create(stylesStream, s_utf8);
        styles.WriteStartDocument(true);
        styles.WriteElement(StreamingStyles.Create());
        styles.Close();
    }

    public Stream OpenSheet() => _zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.Fastest).Open();

    /// <summary>Written last because the hidden filter name needs the final row count.</summary>
    public void WriteWorkbook(string sheetName, string? filterRange)
    {
        var quoted = "'" + sheetName.Replace("'", "''", StringComparison.Ordinal) + "'";
        var definedNames = filterRange is null
            ? ""
            : $"""<definedNames><definedName name="_xlnm._FilterDatabase" localSheetId="0" hidden="1">{SecurityElement.Escape(quoted + "!" + filterRange)}</definedName></definedNames>""";
        WriteText("xl/workbook.xml", $"""
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <workbook xmlns="{MainNs}" xmlns:r="{RelNs}"><sheets><sheet name="{SecurityElement.Escape(sheetName)}" sheetId="1" r:id="rId1"/></sheets>{definedNames}</workbook>
            """);
    }

    public void Dispose() => _zip.Dispose();

    private void WriteText(string name, string xml)
    {
        using var stream = _zip.CreateEntry(name, CompressionLevel.Fastest).Open();
        stream.Write(s_utf8.GetBytes(xml));
    }
}
