import type { OrgUnit } from '@portal/contracts';
import { type KeyboardEvent, useCallback, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocalized } from '../../../shared/i18n/use-language.ts';
import { indexOrgTree, type OrgNode, visibleOrgNodes } from '../lib/org-tree.ts';

function Chevron({ open }: { open: boolean }) {
  return (
    <svg
      aria-hidden="true"
      viewBox="0 0 16 16"
      className={`size-4 shrink-0 transition-transform motion-reduce:transition-none ${open ? 'rotate-90' : ''}`}
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
    >
      <path d="M6 3l5 5-5 5" />
    </svg>
  );
}

/**
 * The organisation as a WAI-ARIA tree (role=tree / treeitem / group) with one tab stop: ↓ ↑ move
 * between the visible units, → opens a unit or enters it, ← closes it or goes to its parent, Home and
 * End go to the first and last, `*` opens every unit beside the current one, Enter and Space select
 * it. `expanded` is the caller's, so a filter can open the units it found.
 */
export function OrgTree({
  roots,
  expanded,
  onExpandedChange,
  selectedId,
  onSelect,
  label,
}: {
  roots: readonly OrgNode[];
  expanded: ReadonlySet<string>;
  onExpandedChange: (expanded: Set<string>) => void;
  selectedId: string | null;
  onSelect: (unit: OrgUnit) => void;
  label: string;
}) {
  const { t } = useTranslation();
  const l = useLocalized();
  const items = useRef(new Map<string, HTMLLIElement>());
  const visible = useMemo(() => visibleOrgNodes(roots, expanded), [roots, expanded]);
  const byId = useMemo(() => indexOrgTree(roots), [roots]);
  const [focusedId, setFocusedId] = useState<string | null>(null);
  // The tab stop: the focused unit while it is visible, else the selected one, else the first.
  const tabStop =
    [focusedId, selectedId].find((id) => id !== null && visible.some((n) => n.unit.id === id)) ??
    visible[0]?.unit.id ??
    null;

  const focus = useCallback((id: string | undefined) => {
    if (!id) return;
    setFocusedId(id);
    items.current.get(id)?.focus();
  }, []);

  const setOpen = (id: string, open: boolean) => {
    const next = new Set(expanded);
    if (open) next.add(id);
    else next.delete(id);
    onExpandedChange(next);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLUListElement>) => {
    const index = visible.findIndex((n) => n.unit.id === tabStop);
    const node = visible[index];
    if (!node) return;
    const id = node.unit.id;
    const hasChildren = node.children.length > 0;
    const open = expanded.has(id);
    let handled = true;
    switch (event.key) {
      case 'ArrowDown':
        focus(visible[index + 1]?.unit.id);
        break;
      case 'ArrowUp':
        focus(visible[index - 1]?.unit.id);
        break;
      case 'ArrowRight':
        if (hasChildren && !open) setOpen(id, true);
        else if (hasChildren) focus(node.children[0]?.unit.id);
        break;
      case 'ArrowLeft':
        if (hasChildren && open) setOpen(id, false);
        else focus(node.parentId ?? undefined);
        break;
      case 'Home':
        focus(visible[0]?.unit.id);
        break;
      case 'End':
        focus(visible.at(-1)?.unit.id);
        break;
      case 'Enter':
      case ' ':
        onSelect(node.unit);
        break;
      case '*': {
        const siblings = node.parentId ? (byId.get(node.parentId)?.children ?? []) : roots;
        const next = new Set(expanded);
        for (const sibling of siblings) if (sibling.children.length) next.add(sibling.unit.id);
        onExpandedChange(next);
        break;
      }
      default:
        handled = false;
    }
    if (handled) {
      event.preventDefault();
      event.stopPropagation();
    }
  };

  const renderNodes = (nodes: readonly OrgNode[]) =>
    nodes.map((node, position) => {
      const id = node.unit.id;
      const hasChildren = node.children.length > 0;
      const open = hasChildren && expanded.has(id);
      const selected = id === selectedId;
      return (
        <li
          key={id}
          ref={(element) => {
            if (element) items.current.set(id, element);
            else items.current.delete(id);
          }}
          role="treeitem"
          aria-level={node.level}
          aria-setsize={nodes.length}
          aria-posinset={position + 1}
          aria-expanded={hasChildren ? open : undefined}
          aria-selected={selected}
          tabIndex={id === tabStop ? 0 : -1}
          data-unit-code={node.unit.code}
          onFocus={(event) => {
            if (event.target === event.currentTarget) setFocusedId(id);
          }}
          className="outline-none focus-visible:shadow-none [&:focus-visible>div]:shadow-[0_0_0_2px_var(--color-yellow-300)] [&:focus-visible>div]:outline-4 [&:focus-visible>div]:outline-black [&:focus-visible>div]:outline-solid"
        >
          {/* biome-ignore lint/a11y/noStaticElementInteractions lint/a11y/useKeyWithClickEvents: the tree handles the keyboard for every item */}
          <div
            onClick={() => {
              focus(id);
              onSelect(node.unit);
              if (hasChildren) setOpen(id, !open);
            }}
            style={{ paddingLeft: `${(node.level - 1) * 1.5 + 0.5}rem` }}
            className={`flex min-h-11 cursor-pointer items-center gap-2 rounded-4 py-1 pr-2 ${
              selected ? 'bg-blue-100 text-blue-1200' : 'hover:bg-solid-gray-50'
            }`}
          >
            {hasChildren ? <Chevron open={open} /> : <span aria-hidden="true" className="size-4 shrink-0" />}
            <span className="text-std-16N-170">{l(node.unit.name)}</span>
            <span className="text-dns-14N-130 text-solid-gray-700">
              {t(`identity.org.kind.${node.unit.kind}`)}
            </span>
          </div>
          {open ? (
            // biome-ignore lint/a11y/useSemanticElements: a tree's group of items, not a form's
            <ul role="group" className="list-none">
              {renderNodes(node.children)}
            </ul>
          ) : null}
        </li>
      );
    });

  return (
    // biome-ignore lint/a11y/noNoninteractiveElementToInteractiveRole: a tree has no HTML element of its own
    <ul role="tree" aria-label={label} onKeyDown={onKeyDown} className="list-none">
      {renderNodes(roots)}
    </ul>
  );
}
