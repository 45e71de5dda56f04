/** PDF handlers: thin calls into the process's PdfService (main/pdf/pdf-service.ts). */
import type { pdfMethods } from '../../shared/contract/pdf';
import { refusePath } from './ledger-support';
import type { HandlerFactory } from './types';

export const pdfHandlers: HandlerFactory<keyof typeof pdfMethods> = (s) => ({
  'pdf.checkText': ({ texts }) => s.pdf.checkText(texts),
  'pdf.render': ({ id, file }, ctx) => {
    if (file !== undefined && !ctx.mayChoosePaths) throw refusePath('file');
    return s.pdf.render(id, file);
  },
  'pdf.preview': ({ id }) => s.pdf.preview(id),
  'pdf.export': ({ from, to, outDir }, ctx) => {
    if (outDir !== undefined && !ctx.mayChoosePaths) throw refusePath('outDir');
    return s.pdf.startExport({ from, to }, outDir);
  },
  'pdf.exportStatus': ({ jobId }) => s.pdf.exportStatus(jobId),
  'pdf.cancelExport': ({ jobId }) => s.pdf.cancelExport(jobId),
});
