import type { OutcomeType } from '../engine/tree-schema';

/** What each kind of outcome is called, on its screen and in ticket summaries. */
export const OUTCOME_CAPTIONS: Record<OutcomeType, string> = {
  diagnosis: 'Diagnosis',
  escalate: 'Escalate',
  'ruled-out': 'Not this problem',
};
