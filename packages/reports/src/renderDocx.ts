import { AlignmentType, Document, Packer, Paragraph, TextRun, convertMillimetersToTwip } from 'docx';
import type { ReportDocument } from './document.js';
import { closing, heading, line, pt } from './docxParts.js';
import { bodyTable } from './docxTable.js';
import { vietnamTime } from './vnFormat.js';

const escapeXml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * The core properties part. docx stamps created/modified with the clock at packing and has no
 * option for them, so this one part is given as an override: the same properties, dated by the
 * generation time passed in, so that two renderings at one position differ only there.
 */
function coreProperties(doc: ReportDocument, generatedAt: Date): string {
  const when = `${generatedAt.toISOString().slice(0, 19)}Z`;
  return [
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>',
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">',
    `<dc:title>${escapeXml(doc.properties.title)}</dc:title>`,
    `<dc:subject>${escapeXml(doc.properties.subject)}</dc:subject>`,
    '<dc:creator>dacxa</dc:creator>',
    '<cp:lastModifiedBy>dacxa</cp:lastModifiedBy>',
    `<dcterms:created xsi:type="dcterms:W3CDTF">${when}</dcterms:created>`,
    `<dcterms:modified xsi:type="dcterms:W3CDTF">${when}</dcterms:modified>`,
    '</cp:coreProperties>',
  ].join('');
}

const bodyParagraph = (text: string) =>
  new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    indent: { firstLine: convertMillimetersToTwip(10) },
    spacing: { before: 60, after: 60, line: 312 },
    children: [new TextRun({ text, size: pt(14) })],
  });

/** The body: the title, each block's heading, paragraphs and table, then the position stamp. */
function body(doc: ReportDocument, generatedAt: Date) {
  const { date, time } = vietnamTime(generatedAt);
  const blocks = doc.blocks.flatMap((block) => [
    ...(block.heading ? [line(block.heading, { bold: true, size: pt(14) }, AlignmentType.LEFT, 60)] : []),
    ...block.paragraphs.map(bodyParagraph),
    ...(block.table ? [bodyTable(block.table), line('', { size: pt(8) })] : []),
  ]);
  const [y, m, d] = date.split('-');
  return [
    line('BÁO CÁO', { bold: true, size: pt(14) }, AlignmentType.CENTER),
    line(doc.title, { bold: true, size: pt(14) }, AlignmentType.CENTER, 240),
    ...blocks,
    ...doc.stamp.map((text) => line(text, { italics: true, size: pt(11) }, AlignmentType.LEFT)),
    line(
      `Lập bằng dacxa lúc ${time} ngày ${d}/${m}/${y}.`,
      { italics: true, size: pt(11) },
      AlignmentType.LEFT,
      240,
    ),
  ];
}

/**
 * A report as .docx in the state format of NĐ 30/2020: A4, margins top and bottom 20 mm, left
 * 30 mm, right 15 mm, Times New Roman 14 pt body; heading, title, body, "Nơi nhận", signer.
 */
export async function renderDocx(doc: ReportDocument, generatedAt: Date): Promise<Buffer> {
  const { date } = vietnamTime(generatedAt);
  const file = new Document({
    creator: 'dacxa',
    lastModifiedBy: 'dacxa',
    title: doc.properties.title,
    subject: doc.properties.subject,
    styles: { default: { document: { run: { font: 'Times New Roman', size: pt(14) } } } },
    sections: [
      {
        properties: {
          page: {
            size: { width: convertMillimetersToTwip(210), height: convertMillimetersToTwip(297) },
            margin: {
              top: convertMillimetersToTwip(20),
              bottom: convertMillimetersToTwip(20),
              left: convertMillimetersToTwip(30),
              right: convertMillimetersToTwip(15),
            },
          },
        },
        children: [heading(doc, date), line(''), ...body(doc, generatedAt), closing(doc)],
      },
    ],
  });
  return Packer.toBuffer(file, false, [
    { path: 'docProps/core.xml', data: coreProperties(doc, generatedAt) },
  ]);
}
