import { memo, useRef } from 'react';
import { OUTCOME_CAPTIONS } from '../../components/outcome-captions';
import {
  addAnswer,
  addSection,
  answerToNewNode,
  followsLabel,
  moveAnswer,
  moveNode,
  removeAnswer,
  removeNode,
  renameNode,
  replaceItem,
  setAnswerFields,
  setOutcomeFields,
  setQuestionFields,
  setSections,
  setTreeFields,
  moveItem,
  removeItem,
} from '../../engine/tree-edits';
import { suggestId } from '../../engine/slugs';
import {
  OUTCOME_TYPES,
  type OutcomeNode,
  type QuestionNode,
  type Tree,
  type TreeNode,
} from '../../engine/tree-schema';
import { fieldId, useFieldProblems } from './field-problems';
import {
  ItemButtons,
  ListField,
  TextField,
  Toolbar,
  useFocusSoon,
  type FieldEvents,
} from './fields';
import type { Change } from './editor-state';

/** What every form needs from the editor page. */
export type FormContext = FieldEvents & {
  tree: Tree;
  apply: (change: Change) => void;
  /** Node ids the deployed version has: their ids and slugs are in shared links. */
  deployed: ReadonlySet<string>;
  onPreview: (nodeId: string) => void;
  /** For a new troubleshooter: the ids already in use, and what uses each. */
  idsInUse?: ReadonlyMap<string, string> | undefined;
  /** Something was removed: the page says so, and that undo brings it back. */
  onRemoved?: (what: string) => void;
};

/** Whether a new troubleshooter's id still follows its title (then a new title changes it). */
function idFollowsTitle(tree: Tree, taken: Iterable<string>): boolean {
  return (
    /^new-troubleshooter(-\d+)?$/.test(tree.id) ||
    tree.id === suggestId(tree.title, taken, 'new-troubleshooter')
  );
}

export function nodeLabel(node: Tree['nodes'][number]): string {
  const text = node.kind === 'question' ? node.prompt : node.title;
  return text.trim() || `(${node.id || 'no id'})`;
}

type NodeOptionsProps = {
  nodes: readonly TreeNode[];
  kind: TreeNode['kind'];
  /** The node whose select this is: it does not lead to itself. */
  except?: string | undefined;
};

/**
 * The questions or outcomes as the options of a select ("First question", "Leads to"). A
 * large tree has thousands, in every answer's select: they are drawn again only when a
 * node's id or label changes, not at every key typed in the form around them.
 */
const NodeOptions = memo(function NodeOptions({ nodes, kind, except }: NodeOptionsProps) {
  return nodes.map((node) =>
    node.kind === kind && node.id !== except ? (
      <option key={node.id} value={node.id}>
        {nodeLabel(node)}
      </option>
    ) : null,
  );
}, sameOptions);

/** Whether the options would be the same: the nodes unchanged, or changed in none of id and label. */
function sameOptions(before: NodeOptionsProps, after: NodeOptionsProps): boolean {
  if (before.kind !== after.kind || before.except !== after.except) return false;
  if (before.nodes === after.nodes) return true;
  return (
    before.nodes.length === after.nodes.length &&
    before.nodes.every((node, at) => {
      const other = after.nodes[at];
      return (
        node === other ||
        (other !== undefined &&
          node.id === other.id &&
          node.kind === other.kind &&
          nodeLabel(node) === nodeLabel(other))
      );
    })
  );
}

export function TreeForm({ context }: { context: FormContext }) {
  const { tree, apply } = context;
  const set = (fields: Parameters<typeof setTreeFields>[1]) =>
    apply((current) => setTreeFields(current, fields));
  const startIsQuestion = tree.nodes.some(
    (node) => node.kind === 'question' && node.id === tree.start,
  );
  const start = useFieldProblems('$.start');
  return (
    <div className="editor-form">
      <h2 id="editor-form-heading" tabIndex={-1}>
        Troubleshooter
      </h2>
      <TextField
        {...context}
        label="Id"
        path="$.id"
        idLike
        value={tree.id}
        hint={`The file name (${tree.id || '…'}.json) and the first part of every step address.`}
        onChange={(id) => set({ id })}
      />
      <p className="editor-field__hint editor-field__hint--alone">
        Version {tree.version}. Published again, a troubleshooter becomes the next version (Impact
        and publishing says what that changes for shared links).
      </p>
      <TextField
        {...context}
        label="Title"
        path="$.title"
        value={tree.title}
        onChange={(title) => {
          const taken = context.idsInUse ? [...context.idsInUse.keys()] : undefined;
          // A new troubleshooter's id is suggested from its title until the author types one.
          set(
            taken && idFollowsTitle(tree, taken)
              ? { title, id: suggestId(title, taken, 'new-troubleshooter') }
              : { title },
          );
        }}
      />
      <TextField
        {...context}
        label="Description"
        path="$.description"
        multiline
        value={tree.description}
        onChange={(description) => set({ description })}
      />
      <TextField
        {...context}
        label="Knowledge Base article id"
        path="$.article.id"
        optional
        hint="Such as Q164887."
        value={tree.article?.id ?? ''}
        onChange={(id) => set({ article: { id, title: tree.article?.title ?? '' } })}
      />
      <TextField
        {...context}
        label="Article title"
        path="$.article.title"
        optional
        value={tree.article?.title ?? ''}
        onChange={(title) => set({ article: { id: tree.article?.id ?? '', title } })}
      />
      <div className="editor-field">
        <label htmlFor={start.inputProps.id}>First question</label>
        <select
          {...start.inputProps}
          value={tree.start}
          onChange={(event) => set({ start: event.target.value })}
        >
          {startIsQuestion ? null : <option value={tree.start}>Choose a question</option>}
          <NodeOptions nodes={tree.nodes} kind="question" />
        </select>
        {start.message}
      </div>
    </div>
  );
}

/** The buttons every node has: move it in the file, preview from it, remove it. */
function NodeActions({
  context,
  index,
  kind,
}: {
  context: FormContext;
  index: number;
  kind: 'question' | 'outcome';
}) {
  const focusSoon = useFocusSoon();
  const node = context.tree.nodes[index];
  if (!node) return null;
  const id = node.id;
  return (
    <div className="editor-node-actions">
      <ItemButtons
        what={kind}
        listPath="$.nodes"
        index={index}
        count={context.tree.nodes.length}
        onMove={(delta) =>
          context.apply((tree) => ({
            tree: moveNode(tree, id, delta),
            select: { kind: 'node', id, index: index + delta },
          }))
        }
        onRemove={() => {
          context.apply((tree) => removeNode(tree, id));
          context.onRemoved?.(`the ${kind} “${nodeLabel(node)}”`);
          focusSoon('outline-tree');
        }}
        removeLabel={`Remove`}
      />
      <button type="button" className="editor-button" onClick={() => context.onPreview(id)}>
        Preview from here
      </button>
    </div>
  );
}

function NodeIdField({ context, index }: { context: FormContext; index: number }) {
  const node = context.tree.nodes[index];
  if (!node) return null;
  const shared = context.deployed.has(node.id);
  return (
    <TextField
      {...context}
      label="Id"
      path={`$.nodes[${index}].id`}
      idLike
      value={node.id}
      hint={
        shared
          ? 'Deployed: links made with the current version know this question by its id.'
          : 'Lower-case letters, digits and hyphens; unique in this troubleshooter.'
      }
      onChange={(id) =>
        context.apply((tree) => ({
          tree: renameNode(tree, index, id),
          select: { kind: 'node', id, index },
        }))
      }
    />
  );
}

export function QuestionForm({ context, index }: { context: FormContext; index: number }) {
  const focusSoon = useFocusSoon();
  const { tree, apply } = context;
  const question = tree.nodes[index] as QuestionNode;
  const base = `$.nodes[${index}]`;
  const set = (fields: Parameters<typeof setQuestionFields>[2]) =>
    apply((current) => setQuestionFields(current, question.id, fields));
  const answersProblem = useFieldProblems(`${base}.answers`);
  const answersHeading = useRef<HTMLHeadingElement>(null);
  const addAnswerButton = useRef<HTMLButtonElement>(null);
  return (
    <div className="editor-form">
      <h2 id="editor-form-heading" tabIndex={-1}>
        Question: {nodeLabel(question)}
      </h2>
      {/* Skip links inside a long form: the answers are far down, past the help paragraphs. */}
      <Toolbar label="Go to">
        <button
          type="button"
          className="editor-link-button"
          onClick={() => answersHeading.current?.focus()}
        >
          Go to answers
        </button>{' '}
        <button
          type="button"
          className="editor-link-button"
          onClick={() => addAnswerButton.current?.focus()}
        >
          Go to “Add answer”
        </button>
      </Toolbar>
      <NodeActions context={context} index={index} kind="question" />
      <NodeIdField context={context} index={index} />
      <TextField
        {...context}
        label="Question"
        path={`${base}.prompt`}
        value={question.prompt}
        onChange={(prompt) => {
          // A question new in this draft takes its id from its prompt until it is named.
          const follow =
            !context.deployed.has(question.id) &&
            followsLabel(
              question.id,
              question.prompt,
              tree.nodes.map((node) => node.id),
            );
          apply((current) => {
            const next = setQuestionFields(current, question.id, { prompt });
            if (!follow) return next;
            const others = current.nodes.filter((_, at) => at !== index).map((node) => node.id);
            const id = suggestId(prompt, others, question.id);
            return { tree: renameNode(next, index, id), select: { kind: 'node', id, index } };
          });
        }}
      />
      <TextField
        {...context}
        label="Intro"
        path={`${base}.intro`}
        optional
        hint="A sentence under the question."
        value={question.intro ?? ''}
        onChange={(intro) => set({ intro })}
      />
      <ListField
        {...context}
        label="How do I check?"
        itemLabel="Paragraph"
        path={`${base}.help`}
        items={question.help ?? []}
        hint="Short paragraphs; needed when an answer is “Not sure”."
        onChange={(help) => set({ help })}
      />
      <h3 ref={answersHeading} tabIndex={-1}>
        Answers
      </h3>
      {answersProblem.message}
      <ol className="editor-answers">
        {question.answers.map((_, answerIndex) => (
          <li key={answerIndex}>
            <AnswerFields context={context} index={index} answerIndex={answerIndex} />
          </li>
        ))}
      </ol>
      <button
        ref={addAnswerButton}
        type="button"
        className="editor-button"
        id={fieldId(`${base}.answers`)}
        onClick={() => {
          apply((current) => addAnswer(current, question.id));
          focusSoon(fieldId(`${base}.answers[${question.answers.length}].label`));
        }}
      >
        Add answer
      </button>
    </div>
  );
}

function AnswerFields({
  context,
  index,
  answerIndex,
}: {
  context: FormContext;
  index: number;
  answerIndex: number;
}) {
  const focusSoon = useFocusSoon();
  const { tree, apply } = context;
  const question = tree.nodes[index] as QuestionNode;
  const answer = question.answers[answerIndex];
  const path = `$.nodes[${index}].answers[${answerIndex}]`;
  const next = useFieldProblems(`${path}.next`);
  if (!answer) return null;
  const inDeployed = context.deployed.has(question.id);
  const set = (fields: Parameters<typeof setAnswerFields>[3], followLabel = false) =>
    apply((current) => setAnswerFields(current, question.id, answerIndex, fields, followLabel));
  const leadsSomewhere = tree.nodes.some(
    (node) => node.id !== question.id && node.id === answer.next,
  );
  const toNew = (kind: 'question' | 'outcome') => {
    apply((current) => {
      const made = answerToNewNode(current, question.id, answerIndex, kind);
      return { tree: made.tree, select: { kind: 'node', id: made.id } };
    });
    focusSoon('editor-form-heading');
  };
  return (
    <fieldset className="editor-answer">
      <legend>
        Answer {answerIndex + 1}: {answer.label || '(no label)'}
      </legend>
      <TextField
        {...context}
        label="Label"
        path={`${path}.label`}
        value={answer.label}
        onChange={(label) =>
          set(
            { label },
            !inDeployed &&
              followsLabel(
                answer.slug,
                answer.label,
                question.answers.map((other) => other.slug),
              ),
          )
        }
      />
      <TextField
        {...context}
        label="Slug"
        path={`${path}.slug`}
        idLike
        hint="Its part of the step address."
        value={answer.slug}
        onChange={(slug) => set({ slug })}
      />
      <div className="editor-field">
        <label htmlFor={next.inputProps.id}>Leads to</label>
        <select
          {...next.inputProps}
          value={answer.next}
          onChange={(event) => set({ next: event.target.value })}
        >
          {leadsSomewhere ? null : (
            <option value={answer.next}>
              {answer.next ? `Missing: ${answer.next}` : 'Choose where it leads'}
            </option>
          )}
          <optgroup label="Questions">
            <NodeOptions nodes={tree.nodes} kind="question" except={question.id} />
          </optgroup>
          <optgroup label="Outcomes">
            <NodeOptions nodes={tree.nodes} kind="outcome" except={question.id} />
          </optgroup>
        </select>
        {next.message}
        <Toolbar label={`Lead answer ${answerIndex + 1} to something new`}>
          <button type="button" className="editor-button" onClick={() => toNew('question')}>
            New question <span className="visually-hidden">for answer {answerIndex + 1}</span>
          </button>
          <button type="button" className="editor-button" onClick={() => toNew('outcome')}>
            New outcome <span className="visually-hidden">for answer {answerIndex + 1}</span>
          </button>
        </Toolbar>
      </div>
      <TextField
        {...context}
        label="What it establishes"
        path={`${path}.fact`}
        optional
        hint="A sentence for “What you found”."
        value={answer.fact ?? ''}
        onChange={(fact) => set({ fact })}
      />
      <div className="editor-field editor-field--check">
        <input
          type="checkbox"
          id={fieldId(`${path}.unsure`)}
          checked={answer.unsure === true}
          onChange={(event) => set({ unsure: event.target.checked })}
        />
        <label htmlFor={fieldId(`${path}.unsure`)}>“Not sure”: go on as if confirmed</label>
      </div>
      <ItemButtons
        what={`answer ${answerIndex + 1}`}
        listPath={`$.nodes[${index}].answers`}
        index={answerIndex}
        count={question.answers.length}
        onMove={(delta) => apply((current) => moveAnswer(current, question.id, answerIndex, delta))}
        onRemove={() => {
          apply((current) => removeAnswer(current, question.id, answerIndex));
          context.onRemoved?.(`answer ${answerIndex + 1} (“${answer.label}”)`);
          focusSoon(fieldId(`$.nodes[${index}].answers`));
        }}
      />
    </fieldset>
  );
}

export function OutcomeForm({ context, index }: { context: FormContext; index: number }) {
  const focusSoon = useFocusSoon();
  const { tree, apply } = context;
  const outcome = tree.nodes[index] as OutcomeNode;
  const base = `$.nodes[${index}]`;
  const set = (fields: Parameters<typeof setOutcomeFields>[2]) =>
    apply((current) => setOutcomeFields(current, outcome.id, fields));
  const type = useFieldProblems(`${base}.type`);
  const sections = outcome.sections ?? [];
  const setSection = (at: number, change: (section: (typeof sections)[number]) => typeof section) =>
    apply((current) =>
      setSections(current, outcome.id, (list) => {
        const section = list[at];
        return section ? replaceItem(list, at, change(section)) : list;
      }),
    );
  return (
    <div className="editor-form">
      <h2 id="editor-form-heading" tabIndex={-1}>
        Outcome: {nodeLabel(outcome)}
      </h2>
      <NodeActions context={context} index={index} kind="outcome" />
      <NodeIdField context={context} index={index} />
      <div className="editor-field">
        <label htmlFor={type.inputProps.id}>Kind</label>
        <select
          {...type.inputProps}
          value={outcome.type}
          onChange={(event) => set({ type: event.target.value as OutcomeNode['type'] })}
        >
          {OUTCOME_TYPES.map((value) => (
            <option key={value} value={value}>
              {OUTCOME_CAPTIONS[value]}
            </option>
          ))}
        </select>
        {type.message}
      </div>
      <TextField
        {...context}
        label="Title"
        path={`${base}.title`}
        value={outcome.title}
        onChange={(title) => {
          const follow =
            !context.deployed.has(outcome.id) &&
            followsLabel(
              outcome.id,
              outcome.title,
              tree.nodes.map((node) => node.id),
            );
          apply((current) => {
            const next = setOutcomeFields(current, outcome.id, { title });
            if (!follow) return next;
            const others = current.nodes.filter((_, at) => at !== index).map((node) => node.id);
            const id = suggestId(title, others, outcome.id);
            return { tree: renameNode(next, index, id), select: { kind: 'node', id, index } };
          });
        }}
      />
      <TextField
        {...context}
        label="Summary"
        path={`${base}.summary`}
        multiline
        value={outcome.summary}
        onChange={(summary) => set({ summary })}
      />
      <TextField
        {...context}
        label="Cause"
        path={`${base}.cause`}
        optional
        hint="The cause in one sentence, for ticket summaries."
        value={outcome.cause ?? ''}
        onChange={(cause) => set({ cause })}
      />
      <h3>Sections</h3>
      <ol className="editor-answers">
        {sections.map((section, at) => {
          const path = `${base}.sections[${at}]`;
          return (
            <li key={at}>
              <fieldset className="editor-answer">
                <legend>
                  Section {at + 1}: {section.heading || '(no heading)'}
                </legend>
                <TextField
                  {...context}
                  label="Heading"
                  path={`${path}.heading`}
                  value={section.heading}
                  onChange={(heading) => setSection(at, (old) => ({ ...old, heading }))}
                />
                {(
                  [
                    ['paragraphs', 'Paragraphs', 'Paragraph'],
                    ['steps', 'Numbered steps', 'Step'],
                    ['items', 'Bulleted items', 'Item'],
                  ] as const
                ).map(([field, label, itemLabel]) => (
                  <ListField
                    {...context}
                    key={field}
                    label={label}
                    itemLabel={itemLabel}
                    path={`${path}.${field}`}
                    items={section[field] ?? []}
                    onChange={(items) => setSection(at, (old) => ({ ...old, [field]: items }))}
                  />
                ))}
                <ItemButtons
                  what={`section ${at + 1}`}
                  listPath={`${base}.sections`}
                  index={at}
                  count={sections.length}
                  onMove={(delta) =>
                    apply((current) =>
                      setSections(current, outcome.id, (list) => moveItem(list, at, delta)),
                    )
                  }
                  onRemove={() =>
                    apply((current) =>
                      setSections(current, outcome.id, (list) => removeItem(list, at)),
                    )
                  }
                />
              </fieldset>
            </li>
          );
        })}
      </ol>
      <button
        type="button"
        className="editor-button"
        id={fieldId(`${base}.sections`)}
        onClick={() => {
          apply((current) => addSection(current, outcome.id));
          focusSoon(fieldId(`${base}.sections[${sections.length}].heading`));
        }}
      >
        Add section
      </button>
    </div>
  );
}
