import type en from '../en/cli';
import type { Translation } from '../types';

export default {} satisfies Translation<typeof en>;
