/** The command-line journey (journey.ts) with simplecash. */
import { journey } from './journey';

journey('simplecash');
