import type { Highlight } from '#shared/contracts/search.contract';
import { highlightSegments } from '../highlight';

/** Text with its matched terms in <mark>, built as React elements (the text is never parsed as HTML). */
export function HighlightText({ text, ranges }: { text: string; ranges: Highlight['ranges'] }) {
  return (
    <>
      {highlightSegments(text, ranges).map((seg, i) =>
        seg.mark ? (
          <mark key={i} className="tn-hl" style={{ padding: 0, background: '#fff1b8', color: 'inherit' }}>
            {seg.text}
          </mark>
        ) : (
          <span key={i}>{seg.text}</span>
        ),
      )}
    </>
  );
}
