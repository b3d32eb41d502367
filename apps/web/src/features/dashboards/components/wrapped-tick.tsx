/**
 * A category axis's tick for Recharts that wraps a long label onto up to three lines instead of
 * cutting it (「Career-plan su」): by words where the text has spaces, by characters otherwise.
 */
export function wrapLabel(text: string, perLine: number, maxLines = 3): string[] {
  const units = /\s/.test(text) ? text.split(/\s+/) : [...text];
  const joiner = /\s/.test(text) ? ' ' : '';
  const lines: string[] = [];
  let line = '';
  for (const unit of units) {
    const next = line ? `${line}${joiner}${unit}` : unit;
    if (line && next.length > perLine) {
      lines.push(line);
      line = unit;
    } else {
      line = next;
    }
  }
  if (line) lines.push(line);
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  kept[maxLines - 1] = `${kept[maxLines - 1]}…`;
  return kept;
}

type TickProps = { x?: number; y?: number; payload?: { value: unknown }; width?: number; fontSize?: number };

export function WrappedTick({ x = 0, y = 0, payload, width = 150, fontSize = 11 }: TickProps) {
  const text = String(payload?.value ?? '');
  // Latin letters take about 0.55em, Japanese characters 1em.
  const perLine = Math.max(
    4,
    Math.floor((width - 8) / (fontSize * (/[\u3000-\u9fff]/.test(text) ? 1 : 0.55))),
  );
  const lines = wrapLabel(text, perLine);
  const lineHeight = fontSize * 1.2;
  return (
    <text x={x} y={y} textAnchor="end" fontSize={fontSize} fill="currentColor" data-full-label={text}>
      {lines.map((line, i) => (
        <tspan
          key={`${i}-${line}`}
          x={x - 4}
          dy={i === 0 ? -((lines.length - 1) * lineHeight) / 2 + fontSize * 0.35 : lineHeight}
        >
          {line}
        </tspan>
      ))}
    </text>
  );
}
