/**
 * XMP metadata for PDF/A-3b + Factur-X. pdfkit writes the PDF/A identification and the document info itself,
 * but drops Title/Author/Subject into the XMP packet unescaped (a business called "Nile & Co" would break the
 * packet), and has no notion of the Factur-X extension schema. So the document's `_addInfo` hook (called once
 * from doc.end()) is replaced by one that writes the same properties escaped, plus the fx: schema.
 *
 * PDF/A requires the XMP properties to match the Info dictionary: dc:title ↔ Title, dc:creator ↔ Author,
 * dc:description ↔ Subject, pdf:Keywords ↔ Keywords, xmp:CreatorTool ↔ Creator, pdf:Producer ↔ Producer,
 * xmp:CreateDate ↔ CreationDate. Both are written from the same `info` object here.
 */
import { xmlEscape } from './facturx';

export interface DocInfo {
  Title: string;
  Author: string;
  Subject: string;
  Keywords: string;
  Creator: string;
  Producer: string;
  CreationDate: Date;
}

export interface FacturXXmp {
  documentType: 'INVOICE';
  fileName: string;
  version: string;
  conformanceLevel: string;
}

/** What this module needs from a pdfkit document. */
export interface XmpTarget {
  info: DocInfo;
  appendXML(xml: string, newline?: boolean): void;
}

const FX_NS = 'urn:factur-x:pdfa:CrossIndustryDocument:invoice:1p0#';

/** XMP dates: second precision, UTC — the same instant pdfkit writes into Info /CreationDate. */
const xmpDate = (d: Date): string => `${d.toISOString().split('.')[0] ?? ''}Z`;

function fxProperty(name: string, description: string): string {
  return (
    '<rdf:li rdf:parseType="Resource">' +
    `<pdfaProperty:name>${name}</pdfaProperty:name>` +
    '<pdfaProperty:valueType>Text</pdfaProperty:valueType>' +
    '<pdfaProperty:category>external</pdfaProperty:category>' +
    `<pdfaProperty:description>${description}</pdfaProperty:description>` +
    '</rdf:li>'
  );
}

/** The PDF/A extension schema declaring the fx: properties (PDF/A forbids undeclared custom XMP properties). */
export function facturXXmp(fx: FacturXXmp): string {
  return (
    '<rdf:Description rdf:about="" xmlns:pdfaExtension="http://www.aiim.org/pdfa/ns/extension/" ' +
    'xmlns:pdfaSchema="http://www.aiim.org/pdfa/ns/schema#" xmlns:pdfaProperty="http://www.aiim.org/pdfa/ns/property#">' +
    '<pdfaExtension:schemas><rdf:Bag><rdf:li rdf:parseType="Resource">' +
    '<pdfaSchema:schema>Factur-X PDFA Extension Schema</pdfaSchema:schema>' +
    `<pdfaSchema:namespaceURI>${FX_NS}</pdfaSchema:namespaceURI>` +
    '<pdfaSchema:prefix>fx</pdfaSchema:prefix>' +
    '<pdfaSchema:property><rdf:Seq>' +
    fxProperty('DocumentFileName', 'The name of the embedded XML document') +
    fxProperty('DocumentType', 'The type of the hybrid document in capital letters, e.g. INVOICE or ORDER') +
    fxProperty('Version', 'The actual version of the standard applying to the embedded XML document') +
    fxProperty('ConformanceLevel', 'The conformance level of the embedded XML document') +
    '</rdf:Seq></pdfaSchema:property>' +
    '</rdf:li></rdf:Bag></pdfaExtension:schemas></rdf:Description>\n' +
    `<rdf:Description rdf:about="" xmlns:fx="${FX_NS}">` +
    `<fx:DocumentType>${xmlEscape(fx.documentType)}</fx:DocumentType>` +
    `<fx:DocumentFileName>${xmlEscape(fx.fileName)}</fx:DocumentFileName>` +
    `<fx:Version>${xmlEscape(fx.version)}</fx:Version>` +
    `<fx:ConformanceLevel>${xmlEscape(fx.conformanceLevel)}</fx:ConformanceLevel>` +
    '</rdf:Description>'
  );
}

export function infoXmp(info: DocInfo): string {
  return (
    `<rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/">` +
    `<xmp:CreateDate>${xmpDate(info.CreationDate)}</xmp:CreateDate>` +
    `<xmp:CreatorTool>${xmlEscape(info.Creator)}</xmp:CreatorTool>` +
    '</rdf:Description>\n' +
    `<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">` +
    `<dc:title><rdf:Alt><rdf:li xml:lang="x-default">${xmlEscape(info.Title)}</rdf:li></rdf:Alt></dc:title>` +
    `<dc:creator><rdf:Seq><rdf:li>${xmlEscape(info.Author)}</rdf:li></rdf:Seq></dc:creator>` +
    `<dc:description><rdf:Alt><rdf:li xml:lang="x-default">${xmlEscape(info.Subject)}</rdf:li></rdf:Alt></dc:description>` +
    '</rdf:Description>\n' +
    `<rdf:Description rdf:about="" xmlns:pdf="http://ns.adobe.com/pdf/1.3/">` +
    `<pdf:Producer>${xmlEscape(info.Producer)}</pdf:Producer>` +
    `<pdf:Keywords>${xmlEscape(info.Keywords)}</pdf:Keywords>` +
    '</rdf:Description>'
  );
}

/** Replaces pdfkit's info-to-XMP step for this document with the escaped one (+ fx: when given). */
export function installXmp(doc: XmpTarget, fx: FacturXXmp | null): void {
  const hook = (): void => {
    doc.appendXML(infoXmp(doc.info));
    if (fx) doc.appendXML(facturXXmp(fx));
  };
  (doc as unknown as { _addInfo: () => void })._addInfo = hook;
}
