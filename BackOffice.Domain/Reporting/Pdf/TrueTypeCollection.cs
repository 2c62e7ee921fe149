using System.Buffers.Binary;

namespace BackOffice.Domain.Reporting.Pdf;

/// <summary>
/// Cuts one face out of a TrueType collection (.ttc) into a standalone font: PDFsharp 6 reads only single
/// fonts (FontResolverInfo.CollectionNumber "must be zero"), and most CJK system fonts ship as collections.
/// </summary>
public static class TrueTypeCollection
{
    private const uint TtcTag = 0x74746366; // "ttcf"

    public static bool IsCollection(ReadOnlySpan<byte> font) =>
        font.Length >= 12 && BinaryPrimitives.ReadUInt32BigEndian(font) == TtcTag;

    public static int FaceCount(ReadOnlySpan<byte> collection) =>
        IsCollection(collection) ? (int)BinaryPrimitives.ReadUInt32BigEndian(collection[8..]) : 1;

    public static byte[] ExtractFace(byte[] collection, int faceIndex)
    {
        if (!IsCollection(collection))
        {
            throw new InvalidDataException("The font data is not a TrueType collection (no 'ttcf' header).");
        }

        var faceCount = FaceCount(collection);
        if (faceIndex < 0 || faceIndex >= faceCount)
        {
            throw new ArgumentOutOfRangeException(nameof(faceIndex), $"The collection holds {faceCount} faces.");
        }

        var source = collection.AsSpan();
        var faceOffset = (int)BinaryPrimitives.ReadUInt32BigEndian(source[(12 + (4 * faceIndex))..]);
        var tableCount = BinaryPrimitives.ReadUInt16BigEndian(source[(faceOffset + 4)..]);
        var directoryLength = 12 + (16 * tableCount);

        // Tables are copied in directory order, each padded to four bytes as the format requires.
        var size = directoryLength;
        for (var i = 0; i < tableCount; i++)
        {
            size += Align4((int)BinaryPrimitives.ReadUInt32BigEndian(source[(faceOffset + 12 + (16 * i) + 12)..]));
        }

        var font = new byte[size];
        source.Slice(faceOffset, directoryLength).CopyTo(font);
        var next = directoryLength;
        for (var i = 0; i < tableCount; i++)
        {
            var record = font.AsSpan(12 + (16 * i), 16);
            var offset = (int)BinaryPrimitives.ReadUInt32BigEndian(record[8..]);
            var length = (int)BinaryPrimitives.ReadUInt32BigEndian(record[12..]);
            source.Slice(offset, length).CopyTo(font.AsSpan(next));
            BinaryPrimitives.WriteUInt32BigEndian(record[8..], (uint)next);
            next += Align4(length);
        }

        return font;
    }

    private static int Align4(int length) => (length + 3) & ~3;
}
