import { createEditorLoader, EditorPage } from '../../features/editor/editor-page';
import { mostQuestionsFrom } from '../../engine/tree-paths';
import type { RenderStep } from '../../features/editor/preview-pane';
import { OutcomeScreen } from '../../features/wizard/outcome-screen';
import { QuestionScreen } from '../../features/wizard/question-screen';

/**
 * The tree editor's route (/edit, /edit/<tree>): for knowledge managers only, never in the
 * first paint (docs/decisions/0017-tree-editor.md), so loaded on demand with its stylesheet.
 */

/**
 * The editor's preview shows the draft with the wizard's own step screens. One feature
 * does not import another (ADR 12), so the two meet here, where the app is composed.
 */
const renderStep: RenderStep = ({ tree, step, change }) =>
  step.kind === 'question' ? (
    <QuestionScreen
      tree={tree}
      question={step.question}
      replay={step.replay}
      questionsAtMost={step.replay.steps.length + mostQuestionsFrom(tree, step.question.id)}
      change={change}
    />
  ) : (
    <OutcomeScreen tree={tree} outcome={step.outcome} replay={step.replay} change={change} />
  );

export function Component() {
  return <EditorPage renderStep={renderStep} />;
}

export const clientLoader = createEditorLoader;
