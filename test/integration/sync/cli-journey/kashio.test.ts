/** The command-line journey (journey.ts) with kashio. */
import { journey } from './journey';

journey('kashio');
