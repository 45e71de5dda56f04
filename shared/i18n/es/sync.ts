import type en from '../en/sync';
import type { Translation } from '../types';

export default {} satisfies Translation<typeof en>;
