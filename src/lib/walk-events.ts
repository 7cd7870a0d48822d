/**
 * Copy for ticket (or Copy progress) was used: announced on window for the walk events
 * (data/event-sender.ts), which count it; nothing else listens.
 */
export const HANDOVER_EVENT = 'troubleshooter-handover';

/** The frame URL's parameter by which a host page switches walk events off (`analytics=0`). */
export const NO_ANALYTICS_PARAM = 'analytics';
