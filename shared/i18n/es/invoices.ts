import type en from '../en/invoices';
import type { Translation } from '../types';

export default {
  'invoices.line_problem': 'Línea {line}: {problem}',
} satisfies Translation<typeof en>;
