import type { Tree, TreeNode } from '../../engine/tree-schema';
import { reportOnDraft, type DraftReport } from './draft-report';

/**
 * The messages between the editor and its checks' worker (draft-checks.worker.ts).
 *
 * A draft is sent node by node, and a node the worker already holds as its own number: an
 * edit makes a new node and keeps the others (tree-edits.ts), so a pause after typing into a
 * 1,700-question draft copies one node to the worker, not 2 MB. The worker then checks the
 * same node objects again, so what the engine keeps per node object (walk-limits.ts) serves
 * there as it does on the page. Messages arrive in the order they were sent, so both sides
 * agree on what the worker holds.
 */
export type CheckRequest = {
  revision: number;
  /** The tree's own fields, its nodes as numbers the worker holds or as [number, node]. */
  tree: Omit<Tree, 'nodes'> & { nodes: SentNode[] };
  /** The deployed tree, only when it is not the one sent before (`null`: none). */
  deployed?: Tree | null;
  withImpact: boolean;
};

export type SentNode = number | [number, TreeNode];

export type CheckResponse =
  { revision: number; report: DraftReport } | { revision: number; error: string };

/** The page's side: numbers its nodes and remembers which ones the worker holds. */
export class NodeSender {
  private readonly numbers = new WeakMap<TreeNode, number>();
  private held = new Set<number>();
  private next = 0;

  encode(tree: Tree): CheckRequest['tree'] {
    const held = new Set<number>();
    const nodes = tree.nodes.map((node): SentNode => {
      let number = this.numbers.get(node);
      const known = number !== undefined && this.held.has(number);
      if (number === undefined) {
        number = this.next++;
        this.numbers.set(node, number);
      }
      held.add(number);
      return known ? number : [number, node];
    });
    // The worker keeps exactly the nodes of the last tree it was sent.
    this.held = held;
    return { ...tree, nodes };
  }
}

/** The worker's side: the nodes of the last tree, by number. */
export class NodeReceiver {
  private nodes = new Map<number, TreeNode>();

  decode(sent: CheckRequest['tree']): Tree {
    const nodes = new Map<number, TreeNode>();
    const tree: Tree = {
      ...sent,
      nodes: sent.nodes.map((entry) => {
        const [number, node] = typeof entry === 'number' ? [entry, this.nodes.get(entry)] : entry;
        if (!node) throw new Error(`the checks' worker does not hold node ${number}`);
        nodes.set(number, node);
        return node;
      }),
    };
    this.nodes = nodes;
    return tree;
  }
}

/**
 * The worker's answer to each request, in the order they come: the report of the draft
 * sent, or what went wrong (the page then checks for itself).
 */
export function createCheckHandler(): (request: CheckRequest) => CheckResponse {
  const receiver = new NodeReceiver();
  let deployed: Tree | undefined;
  return (request) => {
    try {
      if (request.deployed !== undefined) deployed = request.deployed ?? undefined;
      const tree = receiver.decode(request.tree);
      return {
        revision: request.revision,
        report: reportOnDraft(tree, deployed, request.withImpact),
      };
    } catch (error) {
      return { revision: request.revision, error: String(error) };
    }
  };
}
