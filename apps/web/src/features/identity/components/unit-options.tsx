import type { OrgUnit } from '@portal/contracts';
import { useLocalized } from '../../../shared/i18n/use-language.ts';
import { buildOrgTree, type OrgNode } from '../lib/org-tree.ts';

/**
 * The organisation as `<option>`s in tree order, each level indented (options cannot nest; an
 * ideographic space is not read out by screen readers).
 */
export function UnitOptions({ units }: { units: readonly OrgUnit[] }) {
  const l = useLocalized();
  const options: OrgNode[] = [];
  const walk = (nodes: readonly OrgNode[]) => {
    for (const node of nodes) {
      options.push(node);
      walk(node.children);
    }
  };
  walk(buildOrgTree(units));
  return (
    <>
      {options.map((node) => (
        <option key={node.unit.id} value={node.unit.id}>
          {`${'\u3000'.repeat(node.level - 1)}${l(node.unit.name)}`}
        </option>
      ))}
    </>
  );
}
