import type en from '../en/accounts';
import type { Translation } from '../types';

export default {} satisfies Translation<typeof en>;
