// A word diff's segments as marked text: the one rendering of additions and removals, for revisions and translations.
import type { DiffSegment } from "@minbar/db/editorial";

export function DiffSegments({ segments }: { segments: readonly DiffSegment[] }) {
  return segments.map((segment, index) =>
    segment.kind === "added" ? (
      <ins key={index} className="bg-emerald-100 text-emerald-900 no-underline">
        {segment.text}
      </ins>
    ) : segment.kind === "removed" ? (
      <del key={index} className="bg-red-100 text-red-900">
        {segment.text}
      </del>
    ) : (
      <span key={index}>{segment.text}</span>
    ),
  );
}
