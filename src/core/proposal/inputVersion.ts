// The version of a proposal's inputs, shown on the Samenvatting ("Invoer versie 1a2b3c4d", issue 16):
// a short hash of the input as canonical JSON (keys sorted, nothing else), so the same inputs give
// the same version however they were typed or read, and any changed figure gives another.
import type { ProposalInput } from "./types";

/** JSON with every object's keys sorted (arrays keep their order; undefined members are left out). */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map((v) => canonicalJson(v ?? null)).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value ?? null);
}

/** cyrb53: a fast 53-bit string hash (public domain), enough to tell versions apart at a glance. */
function cyrb53(text: string): number {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

/** Eight hexadecimal digits naming these inputs: the same input gives the same version. */
export function inputVersion(input: ProposalInput): string {
  return cyrb53(canonicalJson(input)).toString(16).padStart(14, "0").slice(-8);
}
