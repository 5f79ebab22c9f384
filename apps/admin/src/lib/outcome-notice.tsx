// How an accounts form shows what its action returned (already worded by the server): success in green, a refusal
// in red, announced to screen readers either way.
export type Notice = { ok: boolean; text: string };

export function OutcomeNotice({ notice }: { notice: Notice | null }) {
  if (!notice) return null;
  return (
    <p
      role={notice.ok ? "status" : "alert"}
      className={`mt-2 rounded border px-3 py-2 text-sm ${notice.ok ? "border-emerald-300 bg-emerald-50 text-emerald-900" : "border-red-300 bg-red-50 text-red-800"}`}
    >
      {notice.text}
    </p>
  );
}
