import { createStepLoader } from '../../features/wizard/step-loader';
import { StepPage } from '../../features/wizard/step-page';

/**
 * A step of a troubleshooter (/<tree>/<answer>/…): in the first paint, as most visits
 * start on one. Its loader fetches the code of the screen the step shows (step-loader.ts).
 */
export const Component = StepPage;
export const clientLoader = createStepLoader;
