/** The command-line journey (journey.ts) with paycashless. */
import { journey } from './journey';

journey('paycashless');
