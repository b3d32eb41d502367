import type { OrgUnit } from '@portal/contracts';

/** A unit with its children, in the order the organisation lists them. */
export type OrgNode = {
  unit: OrgUnit;
  children: OrgNode[];
  /** 1 for a 局・区 */
  level: number;
  parentId: string | null;
};

/** The forest of 局・区 → 部 → 課 → 係, by `parentId`, each level ordered by `position`. */
export function buildOrgTree(units: readonly OrgUnit[]): OrgNode[] {
  const byId = new Map<string, OrgNode>();
  for (const unit of units) byId.set(unit.id, { unit, children: [], level: 1, parentId: unit.parentId });
  const roots: OrgNode[] = [];
  for (const node of byId.values()) {
    const parent = node.parentId ? byId.get(node.parentId) : undefined;
    // A unit whose parent is not in force (or not sent) is shown at the top rather than lost.
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  const order = (nodes: OrgNode[], level: number) => {
    nodes.sort((a, b) => a.unit.position - b.unit.position || a.unit.code.localeCompare(b.unit.code));
    for (const node of nodes) {
      node.level = level;
      order(node.children, level + 1);
    }
  };
  order(roots, 1);
  return roots;
}

/**
 * The units whose name (in either language) or code contains `text`, with their ancestors, so the
 * matches stay in place; `expand` holds every ancestor of a match, to be opened. Case- and
 * width-insensitive (NFKC): `ｿｳﾑ` finds `ソウム`.
 */
export function filterOrgTree(
  roots: readonly OrgNode[],
  text: string,
): { roots: OrgNode[]; matches: number; expand: Set<string> } {
  const needle = text.normalize('NFKC').trim().toLowerCase();
  if (!needle) return { roots: [...roots], matches: 0, expand: new Set() };
  let matches = 0;
  const expand = new Set<string>();
  const visit = (node: OrgNode): OrgNode | null => {
    const hay = `${node.unit.name.ja}\n${node.unit.name.en}\n${node.unit.code}`
      .normalize('NFKC')
      .toLowerCase();
    const self = hay.includes(needle);
    if (self) matches += 1;
    const children = node.children.map(visit).filter((c): c is OrgNode => c !== null);
    if (children.length) expand.add(node.unit.id);
    return self || children.length ? { ...node, children } : null;
  };
  const kept = roots.map(visit).filter((n): n is OrgNode => n !== null);
  return { roots: kept, matches, expand };
}

/** The nodes a reader can reach, top to bottom: the roots, and the children of every expanded node. */
export function visibleOrgNodes(roots: readonly OrgNode[], expanded: ReadonlySet<string>): OrgNode[] {
  const out: OrgNode[] = [];
  const walk = (nodes: readonly OrgNode[]) => {
    for (const node of nodes) {
      out.push(node);
      if (node.children.length && expanded.has(node.unit.id)) walk(node.children);
    }
  };
  walk(roots);
  return out;
}

/** Every node of the forest, by id. */
export function indexOrgTree(roots: readonly OrgNode[]): Map<string, OrgNode> {
  const map = new Map<string, OrgNode>();
  const walk = (nodes: readonly OrgNode[]) => {
    for (const node of nodes) {
      map.set(node.unit.id, node);
      walk(node.children);
    }
  };
  walk(roots);
  return map;
}
