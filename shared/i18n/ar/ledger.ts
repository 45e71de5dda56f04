import type en from '../en/ledger';
import type { Translation } from '../types';

export default {
  'error.invalid_tax_rate': '{problem}',
} satisfies Translation<typeof en>;
