/** The command-line journey (journey.ts) with kashier. */
import { journey } from './journey';

journey('kashier');
