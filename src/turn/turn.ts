import type { CxTurn } from '../dialects/cx/cx-turn.js';
import type { EsTurn } from '../dialects/es/es-turn.js';

/**
 * One webhook call. Check `turn.platform` to reach the dialect's own API:
 * `if (turn.platform === 'cx') turn.transition({ page: 'confirm' })`.
 */
export type Turn = CxTurn | EsTurn;
