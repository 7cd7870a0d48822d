import type { Tree } from './tree-schema';

/**
 * A small tree for engine tests: two questions, one "not sure" answer, three outcomes.
 * Kept here rather than in public/ because it is not a shipped troubleshooter.
 */
export function makePrinterTree(): Tree {
  return {
    id: 'printer',
    version: 1,
    title: 'Printer does not print',
    description: 'A small tree used by the tests.',
    start: 'power',
    nodes: [
      {
        kind: 'question',
        id: 'power',
        prompt: 'Is the printer switched on?',
        help: ['Look at the light on the front.'],
        answers: [
          { slug: 'on', label: 'Yes', next: 'paper', fact: 'It is on.' },
          {
            slug: 'power-unsure',
            label: 'Not sure',
            next: 'paper',
            unsure: true,
            fact: 'It is on.',
          },
          { slug: 'off', label: 'No', next: 'switch-on' },
        ],
      },
      {
        kind: 'question',
        id: 'paper',
        prompt: 'Is there paper in the tray?',
        answers: [
          { slug: 'paper', label: 'Yes', next: 'call-support' },
          { slug: 'no-paper', label: 'No', next: 'add-paper' },
        ],
      },
      {
        kind: 'outcome',
        id: 'switch-on',
        type: 'ruled-out',
        title: 'Switch it on',
        summary: 'It was off.',
      },
      {
        kind: 'outcome',
        id: 'add-paper',
        type: 'diagnosis',
        title: 'Add paper',
        summary: 'The tray is empty.',
      },
      {
        kind: 'outcome',
        id: 'call-support',
        type: 'escalate',
        title: 'Call support',
        summary: 'Unknown.',
      },
    ],
  };
}
