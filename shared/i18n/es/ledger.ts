import type en from '../en/ledger';
import type { Translation } from '../types';

export default {} satisfies Translation<typeof en>;
