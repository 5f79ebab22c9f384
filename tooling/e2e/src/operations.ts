// Reading what the servers' operations endpoints and logs say, for the specs that check them.

/** The value of a Prometheus sample in /metrics text, by name and exact labels (in the order prom-client writes them); 0 when absent. */
export function sampleValue(text: string, name: string, labels: Record<string, string> = {}): number {
  const wanted = Object.entries(labels)
    .map(([key, value]) => `${key}="${value}"`)
    .join(",");
  const head = wanted ? `${name}{${wanted}} ` : `${name} `;
  const line = text.split("\n").find((candidate) => candidate.startsWith(head));
  return line ? Number(line.slice(head.length)) : 0;
}

/** The JSON log lines in a server's output (the start-up lines are plain text), parsed; throws on a broken one. */
export function jsonLogLines(output: string): Record<string, unknown>[] {
  return output
    .split("\n")
    .filter((line) => line.startsWith("{"))
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}
