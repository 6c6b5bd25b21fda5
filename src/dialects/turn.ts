import type { AppTypes } from '../base/app-types.js';
import type { CxTurn } from './cx/cx-turn.js';
import type { EsTurn } from './es/es-turn.js';

/**
 * One webhook call. Check `turn.platform` to reach the dialect's own API:
 * `if (turn.platform === 'cx') turn.transition({ page: 'confirm' })`.
 */
export type Turn<T extends AppTypes = AppTypes> = CxTurn<T> | EsTurn<T>;
