/**
 * Writes the document fixtures under test/fixtures/documents/ (`npx tsx scripts/make-document-fixtures.ts`).
 * Every file is made here, none is downloaded. The embedded-font PDF needs Noto Sans CJK
 * (Debian: fonts-noto-cjk). The texts the tests expect are exported from test/fixtures/documents.ts.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import iconv from 'iconv-lite';
import PDFDocument from 'pdfkit';
import writeExcelFile from 'write-excel-file/node';
import {
  CID_PDF_LINES,
  CSV_ROWS,
  DOCX_HEADINGS,
  DOCX_PARAGRAPH,
  DOCX_TABLE,
  EMBEDDED_PDF_LINES,
  MULTI_PAGE_PDF,
  PASSWORD,
  XLSX_SHEETS,
} from '../test/fixtures/documents';
import { japaneseCidPdf, scannedPdf } from '../test/support/pdf-writer';

const OUT = join(import.meta.dirname, '../test/fixtures/documents');
const NOTO = '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc';

function save(name: string, bytes: Uint8Array): void {
  writeFileSync(join(OUT, name), bytes);
  console.log(`${name}\t${bytes.length} bytes`);
}

/** pdfkit writes a subset of the font into the file, as most PDF printers do. */
function pdfkitFile(configure: (doc: PDFKit.PDFDocument) => void, options: PDFKit.PDFDocumentOptions) {
  return new Promise<Uint8Array>((resolve) => {
    const doc = new PDFDocument({ ...options, info: { CreationDate: new Date('2026-04-01T00:00:00Z') } });
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
    configure(doc);
    doc.end();
  });
}

function paragraph(text: string, style?: string): string {
  const properties = style ? `<w:pPr><w:pStyle w:val="${style}"/></w:pPr>` : '';
  return `<w:p>${properties}<w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;
}

/** A minimal WordprocessingML package, as Word saves it: styles named "heading 1/2" and one table. */
function docx(): Uint8Array {
  const w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
  const rows = DOCX_TABLE.map(
    (row) => `<w:tr>${row.map((cell) => `<w:tc>${paragraph(cell)}</w:tc>`).join('')}</w:tr>`,
  ).join('');
  const body = [
    paragraph(DOCX_HEADINGS[0], 'Heading1'),
    paragraph(DOCX_PARAGRAPH),
    paragraph(DOCX_HEADINGS[1], 'Heading2'),
    `<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/></w:tblPr>${rows}</w:tbl>`,
  ].join('');
  const style = (id: string, name: string) =>
    `<w:style w:type="paragraph" w:styleId="${id}"><w:name w:val="${name}"/></w:style>`;
  return zipSync({
    '[Content_Types].xml': strToU8(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/></Types>',
    ),
    '_rels/.rels': strToU8(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
    ),
    'word/_rels/document.xml.rels': strToU8(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>',
    ),
    'word/styles.xml': strToU8(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:styles ${w}>${style('Heading1', 'heading 1')}${style('Heading2', 'heading 2')}</w:styles>`,
    ),
    'word/document.xml': strToU8(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document ${w}><w:body>${body}</w:body></w:document>`,
    ),
  });
}

save('notice-cid.pdf', japaneseCidPdf([CID_PDF_LINES]));
save('minutes-3-pages.pdf', japaneseCidPdf(MULTI_PAGE_PDF));
save('scanned.pdf', scannedPdf());
save(
  'embedded-font.pdf',
  await pdfkitFile(
    (doc) => {
      doc.font(NOTO, 'NotoSansCJKjp-Regular').fontSize(12);
      for (const line of EMBEDDED_PDF_LINES) doc.text(line);
    },
    { size: 'A4' },
  ),
);
save(
  'password.pdf',
  await pdfkitFile((doc) => doc.text('Confidential'), {
    size: 'A4',
    userPassword: PASSWORD,
    ownerPassword: `${PASSWORD}-owner`,
    pdfVersion: '1.7',
  }),
);
save('outline.docx', docx());
save(
  'survey.xlsx',
  new Uint8Array(
    await writeExcelFile(XLSX_SHEETS.map((sheet) => ({ sheet: sheet.name, data: sheet.rows }))).toBuffer(),
  ),
);
save(
  'survey-sjis.csv',
  new Uint8Array(iconv.encode(`${CSV_ROWS.map((row) => row.join(',')).join('\r\n')}\r\n`, 'Shift_JIS')),
);
