import { deflateSync } from 'node:zlib';

/**
 * A PDF written object by object, as Japanese office software writes the simple ones: enough for fixtures
 * and the benchmark, without a PDF library (the point is to control the font and encoding exactly).
 */
type PdfObject = string | { dict: string; stream: Uint8Array };

function assemble(objects: PdfObject[]): Uint8Array {
  const parts: Buffer[] = [Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  let length = parts[0]?.length ?? 0;
  const offsets: number[] = [];
  objects.forEach((object, index) => {
    offsets.push(length);
    const body =
      typeof object === 'string'
        ? Buffer.from(`${index + 1} 0 obj\n${object}\nendobj\n`, 'latin1')
        : Buffer.concat([
            Buffer.from(
              `${index + 1} 0 obj\n<< ${object.dict} /Length ${object.stream.length} >>\nstream\n`,
              'latin1',
            ),
            Buffer.from(object.stream),
            Buffer.from('\nendstream\nendobj\n', 'latin1'),
          ]);
    parts.push(body);
    length += body.length;
  });
  const xref = [
    'xref',
    `0 ${objects.length + 1}`,
    '0000000000 65535 f ',
    ...offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n `),
    'trailer',
    `<< /Size ${objects.length + 1} /Root 1 0 R >>`,
    'startxref',
    String(length),
    '%%EOF\n',
  ].join('\n');
  parts.push(Buffer.from(xref, 'latin1'));
  return new Uint8Array(Buffer.concat(parts));
}

/** UTF-16BE hex, the byte form `UniJIS-UCS2-H` expects (BMP only, which covers Japanese office text). */
function ucs2Hex(text: string): string {
  return [...text].map((char) => (char.codePointAt(0) ?? 0).toString(16).padStart(4, '0')).join('');
}

/**
 * Pages of Japanese text in MS-Mincho, not embedded, through the predefined CMap `UniJIS-UCS2-H`: a reader
 * needs the Adobe-Japan1 CMaps to turn these codes into text. One line of `lines` per text line.
 */
export function japaneseCidPdf(pages: string[][]): Uint8Array {
  // 1 catalog, 2 pages, 3 Type0 font, 4 CIDFont, 5 descriptor, then page + content per page.
  const kids = pages.map((_, index) => `${6 + index * 2} 0 R`).join(' ');
  const objects: PdfObject[] = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    `<< /Type /Pages /Kids [${kids}] /Count ${pages.length} >>`,
    '<< /Type /Font /Subtype /Type0 /BaseFont /MS-Mincho /Encoding /UniJIS-UCS2-H /DescendantFonts [4 0 R] >>',
    '<< /Type /Font /Subtype /CIDFontType2 /BaseFont /MS-Mincho /CIDSystemInfo << /Registry (Adobe) /Ordering (Japan1) /Supplement 6 >> /FontDescriptor 5 0 R /DW 1000 >>',
    '<< /Type /FontDescriptor /FontName /MS-Mincho /Flags 6 /FontBBox [0 -141 1000 859] /ItalicAngle 0 /Ascent 859 /Descent -141 /CapHeight 859 /StemV 80 >>',
  ];
  pages.forEach((lines, index) => {
    const content = [
      'BT',
      '/F1 11 Tf',
      '16 TL',
      '56 790 Td',
      ...lines.map((line) => `<${ucs2Hex(line)}> Tj T*`),
      'ET',
    ].join('\n');
    objects.push(
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents ${7 + index * 2} 0 R >>`,
      { dict: '/Filter /FlateDecode', stream: deflateSync(Buffer.from(content, 'latin1')) },
    );
  });
  return assemble(objects);
}

/** One page holding only a grey picture, as a scanner makes it: there is no text layer to read. */
export function scannedPdf(): Uint8Array {
  const width = 120;
  const height = 160;
  const pixels = Buffer.alloc(width * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) pixels[y * width + x] = (x * 7 + y * 3) % 64 < 8 ? 40 : 235;
  }
  return assemble([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /XObject << /Im1 5 0 R >> >> /Contents 4 0 R >>',
    { dict: '', stream: Buffer.from('q 480 0 0 640 56 100 cm /Im1 Do Q', 'latin1') },
    {
      dict: `/Type /XObject /Subtype /Image /Width ${width} /Height ${height} /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /FlateDecode`,
      stream: deflateSync(pixels),
    },
  ]);
}
