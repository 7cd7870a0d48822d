/**
 * "Did this solve it?" is announced on window as this DOM event and nowhere else: the
 * embed bridge, when there is one, passes it to the host page. No tracking, no requests.
 */
export const FEEDBACK_EVENT = 'troubleshooter-feedback';

export type FeedbackDetail = { solved: boolean };
