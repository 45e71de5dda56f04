/**
 * A PDF/A-3b document as every Kassa PDF writer starts one (invoices and quotes in render.ts, the VAT summary in
 * vat-summary.ts): PDF 1.7, tagged, the document's language and title, the shipped fonts registered (never
 * pdfkit's default Helvetica, which is not embedded and so not allowed in PDF/A), the XMP packet written escaped
 * from the same Info (+ the Factur-X extension schema when the XML is embedded), and the bytes gathered for end().
 */
import PDFDocument from 'pdfkit';
import type { Language } from '../../shared/i18n/languages';
import { FACE_NAMES, loadFonts, type FontSet } from './fonts';
import { TextEngine, type TextSurface } from './text';
import { installXmp, type DocInfo, type FacturXXmp, type XmpTarget } from './xmp';

export interface PdfaOptions {
  size: { width: number; height: number };
  margins: { left: number; right: number; top: number; bottom: number };
  language: Language;
  info: DocInfo;
  /** Keep pages to revisit (page numbers written at the end). */
  bufferPages?: boolean;
  /** The Factur-X XMP properties when the document embeds its XML. */
  facturX?: FacturXXmp | null;
  /** Lay every page out right to left: the text engine mirrors x on a page this wide. */
  rtl?: boolean;
}

export interface PdfaDocument {
  doc: PDFKit.PDFDocument;
  text: TextEngine;
  fonts: FontSet;
  /** Ends the document and resolves with its bytes. */
  end(): Promise<Buffer>;
}

export function newPdfaDocument(o: PdfaOptions): PdfaDocument {
  const fonts = loadFonts();
  const doc = new PDFDocument({
    size: [o.size.width, o.size.height],
    margins: o.margins,
    autoFirstPage: false,
    bufferPages: o.bufferPages === true,
    pdfVersion: '1.7',
    subset: 'PDF/A-3b',
    tagged: true,
    lang: o.language,
    displayTitle: true,
    info: o.info,
    font: null as unknown as string,
  });
  for (const face of FACE_NAMES) doc.registerFont(face, fonts[face] as unknown as Buffer);
  installXmp(doc as unknown as XmpTarget, o.facturX ?? null);
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const text = new TextEngine(doc as unknown as TextSurface, fonts);
  if (o.rtl) text.mirrorPageWidth = o.size.width;
  return {
    doc,
    text,
    fonts,
    end: () => {
      doc.end();
      return done;
    },
  };
}
