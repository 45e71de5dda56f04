/** The command-line journey (journey.ts) with kaspa. */
import { journey } from './journey';

journey('kaspa');
